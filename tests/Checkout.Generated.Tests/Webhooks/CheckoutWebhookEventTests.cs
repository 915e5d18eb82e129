using System;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Webhooks;

[Category("Webhooks")]
public class CheckoutWebhookEventTests
{
    /// <summary>An event type whose data the spec types, or the test is ignored for this spec release.</summary>
    private static (string Type, Type Model) TypedEvent()
    {
        var type = CheckoutEventCatalog.EventTypes.FirstOrDefault(t => CheckoutEventCatalog.DataTypeOf(t) is not null);
        if (type is null) Assert.Ignore($"The spec ({CheckoutOperationCatalog.Spec}) types no event data.");
        return (type!, CheckoutEventCatalog.DataTypeOf(type!)!);
    }

    private static byte[] Body(string type, string data, string extra = "") => WebhookSigning.Utf8(
        $$"""{"id":"evt_az5sblvku4ge3dwpztvyizgcau","type":"{{type}}","version":"1.0.33","created_on":"2026-12-01T08:00:00.123Z","data":{{data}},"_links":{"self":{"href":"https://api.checkout.com/workflows/events/evt_az5sblvku4ge3dwpztvyizgcau"},"payment":{"href":"https://api.checkout.com/payments/pay_1"},"odd":"not-a-link"}{{extra}}}""");

    [TestCase("2026-12-01T08:00:00.123", 0)]
    [TestCase("2026-12-01T08:00:00.123+02:00", 2)]
    public void Parse_CreatedOn_KeepsItsOffsetAndReadsNoneAsUtc(string createdOn, int offsetHours)
    {
        var evt = CheckoutWebhookEvent.Parse(WebhookSigning.Utf8("{\"id\":\"evt_1\",\"type\":\"teleport_completed\",\"created_on\":\"" + createdOn + "\",\"data\":{}}"));

        Assert.That(evt.CreatedOn, Is.EqualTo(new DateTimeOffset(2026, 12, 1, 8, 0, 0, 123, TimeSpan.FromHours(offsetHours))));
        Assert.That(evt.CreatedOn!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(offsetHours)), "on every host, whatever its time zone");
    }

    [Test]
    public void Parse_TypedEvent_ReadsEnvelopeAndTypesData()
    {
        var (type, model) = TypedEvent();

        var evt = CheckoutWebhookEvent.Parse(Body(type, """{"id":"pay_mbabizu24mvu3mela5njyhpit4","amount":6540,"currency":"USD","x_new":{"a":1}}"""));

        Assert.Multiple(() =>
        {
            Assert.That(evt.Id, Is.EqualTo("evt_az5sblvku4ge3dwpztvyizgcau"));
            Assert.That(evt.Type, Is.EqualTo(type));
            Assert.That(evt.Version, Is.EqualTo("1.0.33"));
            Assert.That(evt.CreatedOn, Is.EqualTo(new DateTimeOffset(2026, 12, 1, 8, 0, 0, 123, TimeSpan.Zero)));
            Assert.That(evt.Links["payment"], Is.EqualTo("https://api.checkout.com/payments/pay_1"));
            Assert.That(evt.Links.ContainsKey("odd"), Is.False);
            Assert.That(evt.Data, Is.InstanceOf(model));
        });
        // The model keeps what it does not know, like every generated model.
        var typed = JObject.FromObject(evt.Data!);
        Assert.That((long)typed["amount"]!, Is.EqualTo(6540));
        Assert.That(typed["x_new"]?["a"]?.Value<int>(), Is.EqualTo(1));
    }

    [Test]
    public void Parse_UnknownEventType_KeepsDataWhole()
    {
        const string data = """{"id":"xyz_1","nested":{"deep":[1,2.50,"x"]},"amount":1.10}""";

        var evt = CheckoutWebhookEvent.Parse(Body("teleport_completed", data));

        Assert.That(CheckoutEventCatalog.DataTypeOf("teleport_completed"), Is.Null);
        Assert.That(evt.Data, Is.InstanceOf<JObject>());
        Assert.That(evt.RawData!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(data));
    }

    [Test]
    public void Parse_UnknownTopLevelFields_AreKept()
    {
        var evt = CheckoutWebhookEvent.Parse(Body("teleport_completed", "{}", ""","x_new":{"b":[true]}"""));

        Assert.That(evt.AdditionalProperties["x_new"]?["b"]?[0]?.Value<bool>(), Is.True);
    }

    [Test]
    public void Parse_TypedEventWhoseDataNoLongerFitsTheModel_KeepsTheJsonInsteadOfThrowing()
    {
        var (type, _) = TypedEvent();

        var evt = CheckoutWebhookEvent.Parse(Body(type, """{"amount":{"value":"not a number"}}"""));

        Assert.That(evt.Data, Is.InstanceOf<JObject>());
        Assert.That(evt.RawData?["amount"]?["value"]?.Value<string>(), Is.EqualTo("not a number"));
    }

    [TestCase("""{"id":5,"type":["x"],"created_on":"yesterday","data":"text","_links":[1]}""")]
    [TestCase("{}")]
    public void Parse_EnvelopeFieldsOfUnexpectedShape_ReadAsNullInsteadOfThrowing(string json)
    {
        var evt = CheckoutWebhookEvent.Parse(WebhookSigning.Utf8(json));

        Assert.Multiple(() =>
        {
            Assert.That(evt.Id, Is.Null);
            Assert.That(evt.Type, Is.Null);
            Assert.That(evt.CreatedOn, Is.Null);
            Assert.That(evt.Links, Is.Empty);
        });
    }

    [TestCase("not json")]
    [TestCase("[1,2]")]
    [TestCase("")]
    public void Parse_NotAJsonObject_ThrowsFormatException(string body)
    {
        var e = Assert.Throws<FormatException>(() => CheckoutWebhookEvent.Parse(WebhookSigning.Utf8(body)));

        Assert.That(e!.Message, Does.Contain("webhook body"));
    }

    [Test]
    public void Parse_BooleanInAStringFieldOfTypedData_KeepsJsonsSpelling()
    {
        var (type, model) = TypedEvent();
        var property = model.GetProperties().FirstOrDefault(p => p.PropertyType == typeof(string)
            && p.GetCustomAttributes(typeof(Newtonsoft.Json.JsonPropertyAttribute), true).Length > 0);
        if (property is null) Assert.Ignore($"{model.Name} has no string field in this spec release.");
        var name = ((Newtonsoft.Json.JsonPropertyAttribute)property!.GetCustomAttributes(typeof(Newtonsoft.Json.JsonPropertyAttribute), true)[0]).PropertyName;

        var evt = CheckoutWebhookEvent.Parse(Body(type, "{\"" + name + "\":true,\"x_flag\":false}"));

        Assert.Multiple(() =>
        {
            Assert.That(evt.Data, Is.InstanceOf(model));
            Assert.That(property.GetValue(evt.Data), Is.EqualTo("true"), "as the client reads it from a response, not .NET's \"True\"");
            Assert.That(JObject.FromObject(evt.Data!)["x_flag"]!.Type, Is.EqualTo(JTokenType.Boolean), "an unknown field keeps its boolean");
        });
    }
}
