using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Package;

[Category("Package")]
public class PackageContentsTests
{
    private static readonly string[] ForbiddenDependencies = ["Checkout.Generated.Codegen", "NSwag.MSBuild", "Microsoft.SourceLink.GitHub", "Microsoft.NET.Test.Sdk", "NUnit"];

    [Test]
    public async Task LibraryPackage_HasTwoFrameworksEachWithXmlDocs()
    {
        var package = NuGetPackage.Open(await PackedPackages.PackageAsync("Checkout.Generated"));

        Assert.That(package.LibFrameworks(), Is.EqualTo(new[] { "net10.0", "netstandard2.0" }));
        foreach (var framework in package.LibFrameworks())
        {
            Assert.That(package.Entries, Does.Contain($"lib/{framework}/Checkout.Generated.dll"));
            Assert.That(package.Entries, Does.Contain($"lib/{framework}/Checkout.Generated.xml"));
        }
    }

    [Test]
    public async Task TestingPackage_HasOnlyTheAspNetCoreFramework_AndDependsOnTheSameLibraryVersion()
    {
        var package = NuGetPackage.Open(await PackedPackages.PackageAsync("Checkout.Generated.Testing"));

        Assert.That(package.LibFrameworks(), Is.EqualTo(new[] { "net10.0" }));
        Assert.That(package.Entries, Does.Contain("lib/net10.0/Checkout.Generated.Testing.xml"));
        var library = package.Dependencies().Where(d => (string?)d.Attribute("id") == "Checkout.Generated").ToList();
        Assert.That(library, Has.Count.EqualTo(1));
        Assert.That(library.Select(d => (string?)d.Attribute("version")), Is.All.EqualTo(RepositoryFiles.VersionPrefix()));
    }

    [Test]
    public async Task AspNetCorePackage_HasOnlyTheAspNetCoreFramework_AndDependsOnTheSameLibraryVersion()
    {
        var package = NuGetPackage.Open(await PackedPackages.PackageAsync("Checkout.Generated.AspNetCore"));

        Assert.That(package.LibFrameworks(), Is.EqualTo(new[] { "net10.0" }));
        Assert.That(package.Entries, Does.Contain("lib/net10.0/Checkout.Generated.AspNetCore.xml"));
        var library = package.Dependencies().Where(d => (string?)d.Attribute("id") == "Checkout.Generated").ToList();
        Assert.That(library, Has.Count.EqualTo(1));
        Assert.That(library.Select(d => (string?)d.Attribute("version")), Is.All.EqualTo(RepositoryFiles.VersionPrefix()));
    }

    [TestCase("Checkout.Generated")]
    [TestCase("Checkout.Generated.Testing")]
    [TestCase("Checkout.Generated.AspNetCore")]
    public async Task Package_HasReadmeLicenseAndSymbols(string id)
    {
        var path = await PackedPackages.PackageAsync(id);
        var package = NuGetPackage.Open(path);

        Assert.Multiple(() =>
        {
            Assert.That(package.Value("readme"), Is.EqualTo("README.md"));
            Assert.That(package.Text("README.md"), Does.StartWith($"# {id}\n"));
            Assert.That(package.Metadata.Elements().Single(e => e.Name.LocalName == "license").Value, Is.EqualTo("MIT"));
            Assert.That(package.Value("version"), Is.EqualTo(RepositoryFiles.VersionPrefix()));
            Assert.That(System.IO.File.Exists(Path.ChangeExtension(path, ".snupkg")), Is.True, "symbols package");
        });
    }

    [TestCase("Checkout.Generated", "src/Checkout.Generated/Checkout.Generated.csproj")]
    [TestCase("Checkout.Generated.Testing", "src/Checkout.Generated.Testing/Checkout.Generated.Testing.csproj")]
    [TestCase("Checkout.Generated.AspNetCore", "src/Checkout.Generated.AspNetCore/Checkout.Generated.AspNetCore.csproj")]
    public async Task Package_DependsOnNoPrivateOrBuildOnlyPackage(string id, string project)
    {
        var package = NuGetPackage.Open(await PackedPackages.PackageAsync(id));
        var forbidden = ForbiddenDependencies.Concat(RepositoryFiles.PrivatePackageReferences(RepositoryFiles.Path(project))).ToList();

        Assert.That(package.DependencyIds(), Does.Contain(id == "Checkout.Generated.AspNetCore" ? "Checkout.Generated" : "Newtonsoft.Json"));
        Assert.That(package.DependencyIds().Intersect(forbidden), Is.Empty);
    }

    [Test]
    public async Task LibraryPackage_DescriptionNamesTheSpecOfTheLock()
    {
        var package = NuGetPackage.Open(await PackedPackages.PackageAsync("Checkout.Generated"));
        var specLock = RepositoryFiles.Lock();

        Assert.That(package.Value("description"), Does.Contain($"OpenAPI document of {specLock["specDate"]} (sha256 {specLock["sha256"]})"));
    }
}
