using System.Net.Http;
using System.Threading.Tasks;
using Checkout.Generated.Tests.Auth;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Checkout.Generated.Tests.Models;

/// <summary>A field Checkout sends as an explicit <c>null</c> is written back as <c>null</c>; an absent field stays absent.</summary>
[Category("Fidelity")]
public class ExplicitNullTests
{
    [Test]
    public void Serialize_ModelReadWithExplicitNulls_WritesThemBack()
    {
        const string body = """{"id":"pay_1","amount":null,"reference":null,"approved":true,"customer":null}""";

        var written = CheckoutJson.Serialize((object?)DetailsModel.Deserialize(body));

        Assert.That(written, Is.EqualTo(body));
    }

    [Test]
    public void Serialize_ExplicitNullInsideADiscriminatedObject_WritesItBack()
    {
        const string body = """{"id":"pay_1","source":{"type":"card","id":"src_1","name":null}}""";

        var details = DetailsModel.Deserialize(body)!;

        Assert.That(((object)details.Source).GetType().Name, Does.Contain("Card"), "the card subtype is read");
        var written = CheckoutJson.Serialize((object)details);
        Assert.That(JToken.DeepEquals(JToken.Parse(written), JToken.Parse(body)), Is.True, written);
    }

    [Test]
    public void Serialize_ModelReadWithoutAField_DoesNotInventIt()
    {
        const string body = """{"id":"pay_1"}""";

        Assert.That(CheckoutJson.Serialize((object?)DetailsModel.Deserialize(body)), Is.EqualTo(body));
    }

    [Test]
    public void Serialize_PropertySetToNullInCode_IsNotSent()
    {
        var details = DetailsModel.Deserialize("""{"amount":100,"currency":"GBP"}""")!;
        details.Reference = null;

        Assert.That(CheckoutJson.Serialize((object)details), Is.EqualTo("""{"amount":100,"currency":"GBP"}"""));
    }

    [Test]
    public void Serialize_ExplicitNullReadThenSetInCode_WritesTheNewValue()
    {
        var details = DetailsModel.Deserialize("""{"id":"pay_1","reference":null}""")!;

        details.Reference = "ord-1";

        Assert.That(CheckoutJson.Serialize((object)details), Is.EqualTo("""{"id":"pay_1","reference":"ord-1"}"""));
    }

    [Test]
    public async Task GetPaymentDetails_ExplicitNullInTheResponse_IsWrittenBack()
    {
        const string body = """{"id":"pay_1","reference":null,"metadata":null}""";
        using var mock = new StrictMockHttp();
        mock.Expect(HttpMethod.Get, "*/payments/pay_1").Respond("application/json", body);
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        var details = await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That(CheckoutJson.Serialize(details), Is.EqualTo(body));
    }
}
