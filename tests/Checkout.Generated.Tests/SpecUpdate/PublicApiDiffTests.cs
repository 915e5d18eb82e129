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
    public async Task PublicApi_FromThePreviousSharedRelease_AddsAndRemovesTheMethodsOfTheReportedOperations()
    {
        // The build's spec among the shared releases (by hash), and the newest release before it (by the date in the name).
        var releases = Directory.Exists(RepositoryFiles.SharedSpec("")) ? Directory.GetFiles(RepositoryFiles.SharedSpec(""), "*.json")
            .Select(f => (File: f, Date: LoadedSpec.DateFromName(Path.GetFileName(f)), Sha: Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.IO.File.ReadAllBytes(f))).ToLowerInvariant()))
            .Where(r => r.Date.Length > 0).OrderBy(r => r.Date, StringComparer.Ordinal).ToList() : [];
        var current = releases.FindIndex(r => r.Sha == CheckoutOperationCatalog.Spec.Sha256);
        if (current < 1) Assert.Ignore($"The tests were built from {CheckoutOperationCatalog.Spec}, which is not a shared release with an earlier one beside it.");
        var (olderSpec, newerSpec) = (releases[current - 1], releases[current]);
        TestContext.Out.WriteLine($"{Path.GetFileName(olderSpec.File)} → {Path.GetFileName(newerSpec.File)}");

        // An isolated library build from the older spec: its own artifacts and codegen directories.
        var (exitCode, output) = await DotNetCli.RunAsync(RepositoryFiles.Root, TimeSpan.FromMinutes(6),
            "build", "src/Checkout.Generated/Checkout.Generated.csproj", "-c", "Release", "-f", "net10.0",
            "--artifacts-path", Path.Combine(_work, "artifacts"), $"-p:CheckoutOpenApiSpec={olderSpec.File}", $"-p:CheckoutCodegenDir={Path.Combine(_work, "codegen")}/");
        Assert.That(exitCode, Is.EqualTo(0), output);
        // The spec differs from the lock: a warning naming both hashes, not an error (TreatWarningsAsErrors is on).
        var lockSha = (string)RepositoryFiles.Lock()["sha256"]!;
        Assert.That(output, Does.Match($@"warning CKGEN100: .*sha256 {olderSpec.Sha}.*sha256 {lockSha}"));

        var oldAssemblyPath = Directory.GetFiles(Path.Combine(_work, "artifacts", "bin"), "Checkout.Generated.dll", SearchOption.AllDirectories).Single();
        var context = new AssemblyLoadContext("checkout-previous-release", isCollectible: true);
        try
        {
            var oldAssembly = context.LoadFromAssemblyPath(oldAssemblyPath);
            var (removed, added) = PublicApi.Diff(PublicApi.Of(oldAssembly), PublicApi.Of(typeof(CheckoutOperationCatalog).Assembly));
            var diff = SpecDiff.Compare(Normalised(olderSpec.File), Normalised(newerSpec.File));

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
