using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Tests.Package;

/// <summary>Files of the repository the tests were built from, and the values the package must carry.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string Path(params string[] parts) => System.IO.Path.GetFullPath(System.IO.Path.Combine([Root, .. parts]));

    /// <summary>The spec releases mirrored beside the repository (third-party data, never copied into it).</summary>
    public static string SharedSpec(string fileName) => Path("..", "shared", "openapi", fileName);

    /// <summary>The committed lock file (openapi/checkout.lock.json).</summary>
    public static JObject Lock() => JObject.Parse(System.IO.File.ReadAllText(Path("openapi", "checkout.lock.json")));

    /// <summary>The packages' SemVer version, as Directory.Build.props sets it.</summary>
    public static string VersionPrefix() =>
        XDocument.Load(Path("Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    /// <summary>The package references a project keeps to itself (PrivateAssets="all"): they must not reach the nuspec.</summary>
    public static string[] PrivatePackageReferences(string project) =>
        XDocument.Load(project).Descendants("PackageReference")
            .Where(e => string.Equals((string?)e.Attribute("PrivateAssets"), "all", StringComparison.OrdinalIgnoreCase))
            .Select(e => (string)e.Attribute("Include")!)
            .ToArray();
}
