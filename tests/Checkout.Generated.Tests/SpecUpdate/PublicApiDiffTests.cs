using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Checkout.Generated.Codegen;
using Checkout.Generated.Codegen.SpecUpdate;
using Checkout.Generated.Tests.Package;
using NUnit.Framework;

namespace Checkout.Generated.Tests.SpecUpdate;

[Category("SpecUpdate")]
public class PublicApiDiffTests
{
    private string _work = "";

    [SetUp]
    public void CreateWorkDirectory()
    {
        _work = Path.Combine(Path.GetTempPath(), "checkout-api-diff-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_work);
    }

    [TearDown]
    public void DeleteWorkDirectory() => Directory.Delete(_work, recursive: true);

    [Test]
    public async Task PublicApi_From2022To2023_AddsAndRemovesTheMethodsOfTheReportedOperations()
    {
        var spec2022 = RepositoryFiles.SharedSpec("checkout-nas-2022-07-06.json");
        var spec2023 = RepositoryFiles.SharedSpec("checkout-nas-2023-02-23.json");
        Assume.That(CheckoutOperationCatalog.Spec.Sha256, Is.EqualTo(LoadedSpec.Load(spec2023, await System.IO.File.ReadAllBytesAsync(spec2023), null).Sha256), "the tests were built from the 2023-02-23 spec");

        // An isolated library build from the older spec: its own artifacts and codegen directories.
        var (exitCode, output) = await DotNetCli.RunAsync(RepositoryFiles.Root, TimeSpan.FromMinutes(3),
            "build", "src/Checkout.Generated/Checkout.Generated.csproj", "-c", "Release", "-f", "net10.0",
            "--artifacts-path", Path.Combine(_work, "artifacts"), $"-p:CheckoutOpenApiSpec={spec2022}", $"-p:CheckoutCodegenDir={Path.Combine(_work, "codegen")}/");
        Assert.That(exitCode, Is.EqualTo(0), output);
        // The spec differs from the lock: a warning naming both hashes, not an error (TreatWarningsAsErrors is on).
        Assert.That(output, Does.Match(@"warning CKGEN100: .*sha256 99d9b130[0-9a-f]{56}.*sha256 7184af0b[0-9a-f]{56}"));

        var oldAssemblyPath = Directory.GetFiles(Path.Combine(_work, "artifacts", "bin"), "Checkout.Generated.dll", SearchOption.AllDirectories).Single();
        var context = new AssemblyLoadContext("checkout-2022", isCollectible: true);
        try
        {
            var oldAssembly = context.LoadFromAssemblyPath(oldAssemblyPath);
            var (removed, added) = PublicApi.Diff(PublicApi.Of(oldAssembly), PublicApi.Of(typeof(CheckoutOperationCatalog).Assembly));
            var diff = SpecDiff.Compare(Normalised(spec2022), Normalised(spec2023));

            foreach (var operation in diff.Added)
            {
                var method = MethodOf(typeof(CheckoutOperationCatalog).Assembly, operation.Entry.Id);
                Assert.That(added, Has.Some.Contains($" {method}("), $"{operation.Display} ({operation.Entry.Id}) → {method}");
            }
            foreach (var operation in diff.Removed)
            {
                var method = MethodOf(oldAssembly, operation.Entry.Id);
                Assert.That(removed, Has.Some.Contains($" {method}("), $"{operation.Display} ({operation.Entry.Id}) → {method}");
                Assert.That(added, Has.None.Contains($" {method}("), method);
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static NormalisationContext Normalised(string path) => LoadedSpec.Load(path, System.IO.File.ReadAllBytes(path), null).Normalised;

    /// <summary>The client method carrying [CheckoutOperation(id)], read by attribute name so it works across load contexts.</summary>
    private static string MethodOf(Assembly assembly, string operationId) =>
        assembly.GetExportedTypes().Where(t => t.IsClass)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Single(m => m.CustomAttributes.Any(a => a.AttributeType.Name == nameof(CheckoutOperationAttribute) && (string?)a.ConstructorArguments[0].Value == operationId))
            .Name;
}
