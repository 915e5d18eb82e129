using Checkout.Generated.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>A response from an API newer than the spec reads without error and writes back unchanged.</summary>
[Category("Codegen")]
public class ForwardCompatibilityTests
{
    private const string Response = """
        {
          "id": "pay_mbabizu24mvu3mela5njyhpit4",
          "action_id": "act_mbabizu24mvu3mela5njyhpit4",
          "amount": 6540,
          "currency": "USD",
          "approved": true,
          "status": "Teleported",
          "response_code": "10000",
          "risk": { "flagged": false, "x_new_risk_score": 17 },
          "source": { "type": "card", "expiry_month": 6, "expiry_year": 2030, "x_new_card_field": { "a": [1, 2] } },
          "processed_on": "2026-11-24T03:55:55+00:00",
          "_links": { "self": { "href": "https://api.sandbox.checkout.com/payments/pay_mbabizu24mvu3mela5njyhpit4" }, "actions": { "href": "https://x/actions" } },
          "x_new_top_level": "surprise"
        }
        """;

    [Test]
    public void PaymentResponse_UnknownFieldsAndStatus_SurviveRoundTrip()
    {
        var payment = JsonConvert.DeserializeObject<PaymentResponse>(Response)!;

        Assert.Multiple(() =>
        {
            Assert.That(payment.Status?.ToString(), Is.EqualTo("Teleported"));
            Assert.That(payment.AdditionalProperties["x_new_top_level"], Is.EqualTo("surprise"));
            Assert.That(JToken.DeepEquals(JObject.Parse(JsonConvert.SerializeObject(payment)), JObject.Parse(Response)), Is.True,
                JsonConvert.SerializeObject(payment, Formatting.Indented));
        });
    }

    [Test]
    public void PaymentResponse_UnknownSourceType_IsKeptAndWrittenBack()
    {
        var json = JObject.Parse(Response);
        json["source"]!["type"] = "x_new_wallet";

        var payment = JsonConvert.DeserializeObject<PaymentResponse>(json.ToString())!;

        Assert.That(JToken.DeepEquals(JObject.Parse(JsonConvert.SerializeObject(payment)), json), Is.True,
            JsonConvert.SerializeObject(payment, Formatting.Indented));
    }
}
