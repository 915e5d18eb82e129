using System.IO;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Package;

[Category("Package")]
public class PublicApiTests
{
    private static readonly string Approved = RepositoryFiles.Path("api", "Checkout.Generated.approved.txt");
    private static readonly string Received = RepositoryFiles.Path("api", "Checkout.Generated.received.txt");

    [Test]
    public void PublicApi_MatchesTheApprovedBaseline()
    {
        var actual = PublicApi.Of(typeof(CheckoutOperationCatalog).Assembly);
        var approved = System.IO.File.Exists(Approved) ? System.IO.File.ReadAllText(Approved).Replace("\r\n", "\n") : "";
        if (actual == approved)
        {
            System.IO.File.Delete(Received);
            return;
        }

        // build/update-spec moves the received file over the approved one; a reviewer then sees the API diff.
        System.IO.File.WriteAllText(Received, actual);
        var (removed, added) = PublicApi.Diff(approved, actual);
        Assert.Fail($"The public API of Checkout.Generated differs from api/Checkout.Generated.approved.txt "
            + $"({removed.Count} lines removed, {added.Count} added). If intended, run build/update-spec or copy "
            + $"api/Checkout.Generated.received.txt over the approved file and commit it.\n{PublicApi.Format(removed, added)}");
    }
}
