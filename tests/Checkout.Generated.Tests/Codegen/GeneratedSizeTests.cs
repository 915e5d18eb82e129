using System.IO;
using System.Linq;
using System.Reflection;
using Checkout.Generated.Codegen;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Codegen;

[Category("Codegen")]
public class GeneratedSizeTests
{
    [Test]
    public void ClientClasses_CountsTheClassBodiesOnly_NotInterfacesOrModels()
    {
        string[] lines =
        [
            "namespace Checkout.Generated",
            "{",
            "    public partial interface IPaymentsClient",
            "    {",
            "    }",
            "    public partial class PaymentsClient : IPaymentsClient",
            "    {",
            "        public void Pay() { }",
            "    }",
            "    public partial class PaymentRequest",
            "    {",
            "    }",
            "}",
        ];

        Assert.That(GeneratedSize.ClientClasses(lines), Is.EqualTo((4, 1)));
    }

    [Test]
    public void BuiltClientClasses_AverageAtMostTwentyLinesPerOperation()
    {
        var directory = typeof(GeneratedSizeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CheckoutCodegenDir").Value!;
        var file = Path.Combine(directory, "CheckoutClients.g.cs");
        Assume.That(File.Exists(file), Is.True, $"the generated clients of this build are not at {file}");

        var (lines, classes) = GeneratedSize.ClientClasses(File.ReadLines(file));
        var operations = CheckoutOperationCatalog.All.Count;

        Assert.Multiple(() =>
        {
            Assert.That(classes, Is.EqualTo(CheckoutOperationCatalog.All.Select(o => o.Tag).Distinct().Count()), "one client class per tag");
            Assert.That((double)lines / operations, Is.LessThanOrEqualTo(20), $"{lines} lines in {classes} client classes for {operations} operations");
        });
    }
}
