using System.IO;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Package;

/// <summary>Removes the temporary feed, isolated build and consumer project once the package tests are done.</summary>
[SetUpFixture]
public sealed class PackageTestsCleanup
{
    [OneTimeTearDown]
    public void DeleteWorkDirectory()
    {
        if (Directory.Exists(PackedPackages.WorkDirectory)) Directory.Delete(PackedPackages.WorkDirectory, recursive: true);
    }
}
