using System.Net.Http;
using System.Threading.Tasks;
using Checkout.Generated.Tests.Auth;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Checkout.Generated.Tests.Models;

/// <summary><see cref="CheckoutJson"/> reads a body exactly as the clients read a response: same settings, same rules, same errors.</summary>
[Category("Fidelity")]
public class CheckoutJsonTests
{
    /// <summary>GET /payments/{id} answered with <paramref name="body"/> through the whole client stack.</summary>
    private static async Task<dynamic> ReadByTheClient(string body)
    {
        using var mock = new StrictMockHttp();
        mock.Expect(HttpMethod.Get, "*/payments/pay_1").Respond("application/json", body);
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);
        return await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");
    }

    [TestCase("""{"id":"pay_1"} {"id":"pay_2"}""", TestName = "Deserialize_TrailingContent_ThrowsAsTheClientDoes")]
    [TestCase("""{"id":"pay_1"} x""", TestName = "Deserialize_TrailingText_ThrowsAsTheClientDoes")]
    [TestCase("null", TestName = "Deserialize_JsonNull_ThrowsAsTheClientDoes")]
    [TestCase("", TestName = "Deserialize_EmptyText_ThrowsAsTheClientDoes")]
    public void Deserialize_BodyTheClientRejects_Throws(string body)
    {
        Assert.ThrowsAsync<CheckoutApiException>(() => ReadByTheClient(body), "the client rejects it");

        Assert.That(DetailsModel.Throws<JsonException>(body), Is.Not.Null, "CheckoutJson rejects it too");
    }

    [Test]
    public void Deserialize_CommentAfterTheValue_IsAcceptedAsTheClientAcceptsIt()
    {
        var details = DetailsModel.Deserialize("""{"id":"pay_1"} /* recorded */""");

        Assert.That((string?)details!.Id, Is.EqualTo("pay_1"));
    }

    [Test]
    public void Deserialize_FractionInAnInt64Field_ThrowsNamingThePathAndNoValue()
    {
        var error = DetailsModel.Throws<JsonException>("""{"id":"pay_1","amount":65.4}""")!;
        Assert.That(error, Is.Not.Null);

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("'amount'").And.Contain("integer"));
            Assert.That(error.ToString(), Does.Not.Contain("65.4").And.Not.Contain("65,4"));
        });
    }

    [Test]
    public void Deserialize_CardNumberInAFieldOfAnotherType_ExceptionTextHoldsNoValue()
    {
        var error = DetailsModel.Throws<JsonException>("""{"id":"pay_1","approved":"4242424242424242"}""")!;
        Assert.That(error, Is.Not.Null);

        Assert.That(error.ToString(), Does.Not.Contain("4242424242424242").And.Contain("'approved'"));
    }

    [Test]
    public async Task ToObject_BooleanIntoAStringProperty_ReadsItAsTheClientDoes()
    {
        const string body = """{"id":"pay_1","reference":true,"metadata":{"gift":false}}""";
        var byClient = await ReadByTheClient(body);

        var converted = DetailsModel.ToObject(JObject.Parse(body))!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)converted.Reference, Is.EqualTo((string?)byClient.Reference).And.EqualTo("true"), "JSON's spelling, not .NET's \"True\"");
            Assert.That(((JObject)converted.Metadata!)["gift"]!.Type, Is.EqualTo(JTokenType.Boolean), "an object keeps the boolean");
        });
    }
}
