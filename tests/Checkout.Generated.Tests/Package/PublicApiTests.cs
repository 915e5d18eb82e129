using System.IO;
using System.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Package;

[Category("Package")]
public class PublicApiTests
{
    [Test]
    public void PublicApi_CoversEveryExportedType()
    {
        var assembly = typeof(CheckoutOperationCatalog).Assembly;
        var text = PublicApi.Of(assembly);
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();

        var missing = assembly.GetExportedTypes()
            .Where(t => !lines.Any(l => DeclaresType(l, t)))
            .Select(t => t.FullName)
            .ToList();

        Assert.That(assembly.GetExportedTypes(), Has.Some.Matches<System.Type>(t => t.Name == "CheckoutServiceCollectionExtensions"));
        Assert.That(missing, Is.Empty, "public types missing from the API baseline");
    }

    // "public static class CheckoutServiceCollectionExtensions", "public interface IPaymentsClient", "public sealed class X : Y", "public class X<TResult>".
    private static bool DeclaresType(string line, System.Type type)
    {
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', System.StringComparison.Ordinal)] : type.Name;
        var words = line.Split(' ', '<', ':', '(');
        return line.StartsWith("public ", System.StringComparison.Ordinal)
            && System.Array.IndexOf(words, name) > 0
            && words.Any(w => w is "class" or "interface" or "enum" or "struct" or "delegate" or "record");
    }

    /// <summary>The packages whose public API is snapshotted: the core, the local server, the ASP.NET Core webhooks.</summary>
    private static readonly System.Type[] Packages =
    [
        typeof(CheckoutOperationCatalog),
        typeof(Checkout.Generated.Testing.CheckoutMockServer),
        typeof(Checkout.Generated.AspNetCore.CheckoutWebhookEndpointRouteBuilderExtensions),
    ];

    [TestCaseSource(nameof(Packages))]
    public void PublicApi_MatchesTheApprovedBaseline(System.Type package)
    {
        var name = package.Assembly.GetName().Name!;
        var approvedPath = RepositoryFiles.Path("api", name + ".approved.txt");
        var receivedPath = RepositoryFiles.Path("api", name + ".received.txt");
        var actual = PublicApi.Of(package.Assembly);
        var approved = System.IO.File.Exists(approvedPath) ? System.IO.File.ReadAllText(approvedPath).Replace("\r\n", "\n") : "";
        if (actual == approved)
        {
            System.IO.File.Delete(receivedPath);
            return;
        }

        // build/update-spec moves the received file over the approved one; a reviewer then sees the API diff.
        System.IO.File.WriteAllText(receivedPath, actual);
        var (removed, added) = PublicApi.Diff(approved, actual);
        Assert.Fail($"The public API of {name} differs from api/{name}.approved.txt "
            + $"({removed.Count} lines removed, {added.Count} added). If intended, run build/update-spec or copy "
            + $"api/{name}.received.txt over the approved file and commit it.\n{PublicApi.Format(removed, added)}");
    }
}
