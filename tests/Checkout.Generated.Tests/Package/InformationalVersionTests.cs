using System.Reflection;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Package;

[Category("Package")]
public class InformationalVersionTests
{
    [Test]
    public void LibraryAssembly_InformationalVersion_RecordsTheSpecDateAndHash()
    {
        var spec = CheckoutOperationCatalog.Spec;
        var specLock = RepositoryFiles.Lock();
        Assume.That(spec.Sha256, Is.EqualTo((string?)specLock["sha256"]), "built from the locked spec");

        var informational = typeof(CheckoutOperationCatalog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.That(spec.Date, Is.EqualTo((string?)specLock["specDate"]));
        Assert.That(informational, Is.EqualTo($"{RepositoryFiles.VersionPrefix()}+spec.{spec.Date}.{spec.Sha256[..8]}"));
    }
}
