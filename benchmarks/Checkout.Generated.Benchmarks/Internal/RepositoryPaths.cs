using System;
using System.IO;

namespace Checkout.Generated.Benchmarks.Internal;

/// <summary>Finds the repository and the OpenAPI document the normaliser benchmark reads.</summary>
internal static class RepositoryPaths
{
    /// <summary>Overrides the document: a path to any Checkout.com OpenAPI JSON file.</summary>
    public const string SpecVariable = "CHECKOUT_OPENAPI_SPEC";

    /// <summary>The directory holding Checkout.Generated.sln, searched upwards from the running benchmark (BenchmarkDotNet runs it from a copy under bin/).</summary>
    public static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "Checkout.Generated.sln"))) return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"Checkout.Generated.sln was not found above {AppContext.BaseDirectory}: run the benchmarks from the repository.");
    }

    /// <summary>The spec: <c>CHECKOUT_OPENAPI_SPEC</c>, else <c>../shared/openapi/checkout-nas-2023-07-12.json</c> beside the repository, else the build's cache.</summary>
    public static string Spec()
    {
        var overridden = Environment.GetEnvironmentVariable(SpecVariable);
        if (!string.IsNullOrEmpty(overridden))
            return System.IO.File.Exists(overridden) ? Path.GetFullPath(overridden) : throw new FileNotFoundException($"{SpecVariable} names '{overridden}', which does not exist.");

        var root = RepoRoot();
        var candidates = new[]
        {
            Path.GetFullPath(Path.Combine(root, "..", "shared", "openapi", "checkout-nas-2023-07-12.json")),
            Path.Combine(root, "openapi", "cache", "checkout-openapi.json"),
        };
        foreach (var candidate in candidates)
        {
            if (System.IO.File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException($"No OpenAPI document at {string.Join(" or ", candidates)}: build the solution once (it fills the cache) or set {SpecVariable}.");
    }
}
