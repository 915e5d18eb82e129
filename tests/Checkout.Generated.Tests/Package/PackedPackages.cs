using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Checkout.Generated.Tests.Package;

/// <summary>
/// Both packages packed once per test run into a temporary local feed, from an isolated build (own artifacts and
/// codegen directories) so the main build's bin/, obj/ and obj/codegen/ are never touched.
/// </summary>
internal static class PackedPackages
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _feed;

    public static string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "checkout-generated-package-tests-" + Environment.ProcessId);

    /// <summary>The feed directory holding the .nupkg and .snupkg files; packs on first use.</summary>
    public static async Task<string> FeedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_feed is not null) return _feed;
            var feed = Path.Combine(WorkDirectory, "feed");
            if (Directory.Exists(WorkDirectory)) Directory.Delete(WorkDirectory, recursive: true);
            Directory.CreateDirectory(feed);
            var artifacts = Path.Combine(WorkDirectory, "artifacts");
            var codegen = Path.Combine(WorkDirectory, "codegen") + Path.DirectorySeparatorChar;
            foreach (var project in new[] { "src/Checkout.Generated/Checkout.Generated.csproj", "src/Checkout.Generated.Testing/Checkout.Generated.Testing.csproj", "src/Checkout.Generated.AspNetCore/Checkout.Generated.AspNetCore.csproj" })
            {
                await DotNetCli.RunCheckedAsync(RepositoryFiles.Root, TimeSpan.FromMinutes(4),
                    "pack", project, "-c", "Release", "-o", feed, "--artifacts-path", artifacts, $"-p:CheckoutCodegenDir={codegen}", "-p:ContinuousIntegrationBuild=true");
            }
            return _feed = feed;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task<string> PackageAsync(string id) => Path.Combine(await FeedAsync(), $"{id}.{RepositoryFiles.VersionPrefix()}.nupkg");
}
