using System.Linq;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>The rules that make models read and write exactly what was sent: each on a small document.</summary>
[Category("Codegen")]
public class FidelityRuleTests
{
    private const string Required = "required lists on schemas a response can contain (removed: responses omit them)";
    private const string Unmapped = "subtypes missing from their base's discriminator mapping (mapped by the value they pin)";

    private static JObject Schemas(NormalisationContext c) => (JObject)c.Document["components"]!["schemas"]!;

    private static JObject Content(JObject schema) => new() { ["application/json"] = new JObject { ["schema"] = schema } };

    private static JObject Obj(params string[] required) => new()
    {
        ["type"] = "object",
        ["required"] = new JArray(required.Cast<object>().ToArray()),
        ["properties"] = new JObject(required.Select(r => new JProperty(r, new JObject { ["type"] = "string" }))),
    };

    /// <summary>POST /send takes <paramref name="request"/> and answers <paramref name="response"/>.</summary>
    private static JObject Exchange(string request, string response)
    {
        var op = Operation(id: "send");
        op["requestBody"] = new JObject { ["content"] = Content(Ref(request)) };
        op["responses"]!["200"]!["content"] = Content(Ref(response));
        return new JObject { ["/send"] = new JObject { ["post"] = op } };
    }

    [Test]
    public void ResponseRequired_SchemaReachableFromAResponse_LosesRequiredAndRequestOnlyKeepsIt()
    {
        var result = Normaliser.Normalise(With(Exchange("Order", "Receipt"), new JObject
        {
            ["Order"] = new JObject { ["type"] = "object", ["required"] = new JArray("id", "address"), ["properties"] = new JObject { ["id"] = new JObject { ["type"] = "string" }, ["address"] = Ref("Address") } },
            ["Receipt"] = new JObject
            {
                ["type"] = "object", ["required"] = new JArray("id"),
                ["properties"] = new JObject { ["id"] = new JObject { ["type"] = "string" }, ["inline"] = Obj("x"), ["address"] = Ref("Address") },
            },
            ["Address"] = Obj("city"),
            ["Unused"] = Obj("y"),
        }));

        var schemas = Schemas(result);
        Assert.Multiple(() =>
        {
            Assert.That(schemas["Order"]!["required"], Is.EqualTo(new JArray("id", "address")), "request only");
            Assert.That(schemas["Receipt"]!["required"], Is.Null, "a response");
            Assert.That(schemas["Receipt"]!["properties"]!["inline"]!["required"], Is.Null, "an inline object of a response");
            Assert.That(schemas["Address"]!["required"], Is.Null, "in a request and a response");
            Assert.That(schemas["Unused"]!["required"], Is.Null, "used by no operation: it may be in anything the API sends");
            Assert.That(result.Counts[Required], Is.EqualTo(4));
        });
    }

    [Test]
    public void ResponseRequired_SubtypeOfAResponseBaseAndCallbackBody_LoseRequired()
    {
        var op = Operation(id: "get");
        op["responses"]!["200"]!["content"] = Content(Ref("Source"));
        var callback = Operation(id: "notify");
        callback["requestBody"] = new JObject { ["content"] = Content(Ref("Event")) };
        op["callbacks"] = new JObject { ["event"] = new JObject { ["{$request.body#/url}"] = new JObject { ["post"] = callback } } };
        var card = Obj("number");
        card["allOf"] = new JArray(Ref("Source"));
        var result = Normaliser.Normalise(With(new JObject { ["/get"] = new JObject { ["get"] = op } }, new JObject
        {
            ["Source"] = new JObject { ["type"] = "object", ["required"] = new JArray("type"), ["properties"] = new JObject { ["type"] = new JObject { ["type"] = "string" } }, ["discriminator"] = new JObject { ["propertyName"] = "type" } },
            ["CardSource"] = card,
            ["Event"] = Obj("id"),
        }));

        var schemas = Schemas(result);
        Assert.Multiple(() =>
        {
            Assert.That(schemas["Source"]!["required"], Is.Null);
            Assert.That(schemas["CardSource"]!["required"], Is.Null, "a response declaring Source can hold a CardSource");
            Assert.That(schemas["Event"]!["required"], Is.Null, "a callback body is sent by the API");
        });
    }

    [Test]
    public void OpenObject_AdditionalPropertiesFalse_IsRemovedAndOtherFormsStay()
    {
        var closed = Obj();
        closed["additionalProperties"] = false;
        closed["example"] = new JObject { ["additionalProperties"] = false };
        var map = Obj();
        map["additionalProperties"] = new JObject { ["type"] = "string" };
        var result = Normaliser.Normalise(With(schemas: new JObject { ["Closed"] = closed, ["Map"] = map }));

        var schemas = Schemas(result);
        Assert.Multiple(() =>
        {
            Assert.That(schemas["Closed"]!["additionalProperties"], Is.Null);
            Assert.That(schemas["Closed"]!["example"]!["additionalProperties"], Is.EqualTo(new JValue(false)), "examples are data");
            Assert.That(schemas["Map"]!["additionalProperties"], Is.EqualTo(new JObject { ["type"] = "string" }));
            Assert.That(result.Counts["schemas closed with additionalProperties: false (opened: unknown fields are kept)"], Is.EqualTo(1));
        });
    }

    [TestCase("integer", null, "int64")]
    [TestCase("integer", "int32", "int32")]
    [TestCase("integer", "int64", "int64")]
    [TestCase("number", null, "decimal")]
    [TestCase("number", "double", "decimal")]
    [TestCase("string", null, null)]
    public void NumberWidth_Property_GetsAFormatThatHoldsWhatIsSent(string type, string? format, string? expected)
    {
        var property = new JObject { ["type"] = type, ["example"] = new JObject { ["type"] = "integer" } };
        if (format is not null) property["format"] = format;
        var result = Normaliser.Normalise(With(schemas: new JObject { ["S"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["n"] = property } } }));

        var n = Schemas(result)["S"]!["properties"]!["n"]!;
        Assert.That((string?)n["format"], Is.EqualTo(expected));
        Assert.That(n["example"]!["format"], Is.Null, "examples are data");
    }

    private static JObject Base(params (string Value, string Schema)[] mapping) => new()
    {
        ["type"] = "object",
        ["properties"] = new JObject { ["type"] = new JObject { ["type"] = "string" } },
        ["discriminator"] = new JObject
        {
            ["propertyName"] = "type",
            ["mapping"] = new JObject(mapping.Select(m => new JProperty(m.Value, "#/components/schemas/" + m.Schema))),
        },
    };

    private static JObject Extending(string baseName, JObject? typeProperty = null)
    {
        var own = new JObject { ["type"] = "object", ["properties"] = new JObject { ["extra"] = new JObject { ["type"] = "string" } } };
        if (typeProperty is not null) own["properties"]!["type"] = typeProperty;
        return new JObject { ["type"] = "object", ["allOf"] = new JArray(Ref(baseName), own) };
    }

    private static JObject Mapping(NormalisationContext c, string schema) => (JObject)Schemas(c)[schema]!["discriminator"]!["mapping"]!;

    [TestCase("enum")]
    [TestCase("const")]
    [TestCase("example")]
    public void UnmappedSubtype_PinningItsValue_IsMappedUnderIt(string keyword)
    {
        var pin = new JObject { ["type"] = "string", [keyword] = keyword == "enum" ? new JArray("card") : "card" };
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["Destination"] = Base(("token", "TokenDestination")),
            ["TokenDestination"] = Extending("Destination"),
            ["CardPayoutDestination"] = Extending("Destination", pin),
        }));

        Assert.That((string?)Mapping(result, "Destination")["card"], Is.EqualTo("#/components/schemas/CardPayoutDestination"));
        Assert.That(result.Counts[Unmapped], Is.EqualTo(1));
    }

    [Test]
    public void UnmappedSubtype_NamedLikeItsMappedSiblings_IsMappedByTheConvention()
    {
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["Source"] = Base(("card", "01_ResponseCardSource"), ("wechatpay", "ResponseWeChatPaySource"), ("alipay_cn", "ResponseAlipayPlusSource")),
            ["01_ResponseCardSource"] = Extending("Source"),
            ["ResponseWeChatPaySource"] = Extending("Source"),
            ["ResponseAlipayPlusSource"] = Extending("Source"),
            ["02_ResponseCurrencyAccountSource"] = Extending("Source"),
            ["OtherKlarnaThing"] = Extending("Source"),
        }));

        var mapping = Mapping(result, "Source");
        Assert.Multiple(() =>
        {
            Assert.That((string?)mapping["currency_account"], Is.EqualTo("#/components/schemas/ResponseCurrencyAccountSource"), "ordering prefixes are dropped later");
            Assert.That(mapping.Properties().Select(p => p.Name), Has.Exactly(4).Items, "a name outside the convention pins nothing");
        });
    }

    [Test]
    public void UnmappedSubtype_ValueAlreadyMapped_IsNotTakenOver()
    {
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["Destination"] = Base(("card", "CardDestination")),
            ["CardDestination"] = Extending("Destination"),
            ["OtherCardDestination"] = Extending("Destination", new JObject { ["type"] = "string", ["enum"] = new JArray("card") }),
        }));

        Assert.That((string?)Mapping(result, "Destination")["card"], Is.EqualTo("#/components/schemas/CardDestination"));
        Assert.That(result.Counts.ContainsKey(Unmapped) ? result.Counts[Unmapped] : 0, Is.Zero);
    }
    [Test]
    public void RequiredValue_RequestOnlyRequiredValueField_IsMadeNullableAndStaysRequired()
    {
        var order = new JObject
        {
            ["type"] = "object",
            ["required"] = new JArray("amount", "capture", "on", "currency"),
            ["properties"] = new JObject
            {
                ["amount"] = new JObject { ["type"] = "integer" },
                ["capture"] = new JObject { ["type"] = "boolean" },
                ["on"] = new JObject { ["type"] = "string", ["format"] = "date-time" },
                ["currency"] = new JObject { ["type"] = "string" },
                ["note"] = new JObject { ["type"] = "integer" },
            },
        };
        var result = Normaliser.Normalise(With(Sending("Order"), new JObject { ["Order"] = order }));

        var properties = Schemas(result)["Order"]!["properties"]!;
        Assert.Multiple(() =>
        {
            Assert.That(Schemas(result)["Order"]!["required"], Is.EqualTo(new JArray("amount", "capture", "on", "currency")));
            Assert.That(new[] { "amount", "capture", "on" }.Select(p => (bool?)properties[p]!["nullable"]), Is.All.True);
            Assert.That(properties["currency"]!["nullable"], Is.Null, "a string is a reference type: unset is null, not sent");
            Assert.That(properties["note"]!["nullable"], Is.Null, "optional fields are nullable anyway");
        });
    }
}
