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
}
