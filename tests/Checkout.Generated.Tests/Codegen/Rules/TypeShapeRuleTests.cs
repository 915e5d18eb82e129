using System.Linq;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>The codegen policies that shape type names and bodies: each on a small document.</summary>
[Category("Codegen")]
public class TypeShapeRuleTests
{
    private static JObject Schemas(NormalisationContext c) => (JObject)c.Document["components"]!["schemas"]!;

    private static JObject Body(JObject schema) => new() { ["content"] = new JObject { ["application/json"] = new JObject { ["schema"] = schema } } };

    private static JObject Union(params string[] schemas) => new() { ["oneOf"] = new JArray(System.Array.ConvertAll(schemas, s => (object)Ref(s))) };

    [Test]
    public void UndiscriminatedUnion_RequestBody_BecomesAUnionSchemaWithOnePropertyPerAlternative()
    {
        var op = Operation(id: "pay");
        op["requestBody"] = Body(Union("Payment", "Payout"));
        var result = Normaliser.Normalise(With(new JObject { ["/p"] = new JObject { ["post"] = op } }, new JObject
        {
            ["Payment"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["a"] = new JObject { ["type"] = "string" } } },
            ["Payout"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["b"] = new JObject { ["type"] = "string" } } },
        }));

        var schema = result.Document["paths"]!["/p"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        var union = Schemas(result)["PayRequest"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)schema["$ref"], Is.EqualTo("#/components/schemas/PayRequest"));
            Assert.That((bool?)union["x-checkout-union"], Is.True);
            Assert.That(((JObject)union["properties"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "Payment", "Payout" }));
            Assert.That((string?)union["properties"]!["Payout"]!["$ref"], Is.EqualTo("#/components/schemas/Payout"));
            Assert.That(((JArray)union["x-checkout-one-of"]!).Count, Is.EqualTo(2), "the alternatives stay listed for the local server");
            Assert.That((string?)union["description"], Does.Contain("Payment").And.Contain("Payout"));
            Assert.That(result.Counts["bodies that are a oneOf/anyOf without discriminator"], Is.EqualTo(1));
        });
    }

    [TestCase("object", "#/components/schemas/A")]
    [TestCase("array", "#/components/schemas/GetResponse")]
    public void UndiscriminatedUnion_Response_KeepsTheFirstObjectOrBecomesAUnionWhenShapesDiffer(string secondType, string expectedRef)
    {
        var op = Operation(id: "get");
        op["responses"]!["200"]!["content"] = Body(Union("A", "B"))["content"];
        var result = Normaliser.Normalise(With(new JObject { ["/g"] = new JObject { ["get"] = op } }, new JObject
        {
            ["A"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["a"] = new JObject { ["type"] = "string" } } },
            ["B"] = new JObject { ["type"] = secondType, ["items"] = new JObject { ["type"] = "string" } },
        }));

        var schema = result.Document["paths"]!["/g"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        Assert.That((string?)schema["$ref"], Is.EqualTo(expectedRef));
        Assert.That(secondType == "object" ? schema["x-checkout-one-of"] : Schemas(result)["GetResponse"]!["x-checkout-union"], Is.Not.Null);
    }

    [Test]
    public void SchemaName_OrderingPrefix_IsDroppedAndReferencesAndMappingsFollow()
    {
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["01_CardSource"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["type"] = new JObject { ["type"] = "string" } } },
            ["02_Taken"] = new JObject { ["type"] = "object" },
            ["Taken"] = new JObject { ["type"] = "object" },
            ["Source"] = new JObject
            {
                ["type"] = "object",
                ["required"] = new JArray("type"),
                ["properties"] = new JObject { ["type"] = new JObject { ["type"] = "string" } },
                ["discriminator"] = new JObject { ["propertyName"] = "type", ["mapping"] = new JObject { ["card"] = "#/components/schemas/01_CardSource" } },
            },
            ["Holder"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["card"] = Ref("01_CardSource") } },
        }));

        var schemas = Schemas(result);
        Assert.Multiple(() =>
        {
            Assert.That(schemas["CardSource"], Is.Not.Null);
            Assert.That(schemas["01_CardSource"], Is.Null);
            Assert.That(schemas["Taken2"], Is.Not.Null, "a name the spec gives as it is wins; the prefixed one is numbered");
            Assert.That((string?)schemas["Holder"]!["properties"]!["card"]!["$ref"], Is.EqualTo("#/components/schemas/CardSource"));
            Assert.That((string?)schemas["Source"]!["discriminator"]!["mapping"]!["card"], Is.EqualTo("#/components/schemas/CardSource"));
        });
    }

    [Test]
    public void SchemaTitle_IsRemovedFromSchemas_ButNotFromInfo()
    {
        var document = With(schemas: new JObject
        {
            ["Bank"] = new JObject { ["title"] = "Address", ["type"] = "object", ["properties"] = new JObject { ["title"] = new JObject { ["type"] = "string" } } },
        });
        var result = Normaliser.Normalise(document);
        Assert.Multiple(() =>
        {
            Assert.That(Schemas(result)["Bank"]!["title"], Is.Null);
            Assert.That(Schemas(result)["Bank"]!["properties"]!["title"], Is.Not.Null, "a property called title is a property");
            Assert.That((string?)result.Document["info"]!["title"], Is.EqualTo("t"));
        });
    }

    [Test]
    public void InlineAllOfPart_IsMergedIntoItsSchema_AndReferencedPartsStay()
    {
        var result = Normaliser.Normalise(With(Sending("Email"), new JObject
        {
            ["Base"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["id"] = new JObject { ["type"] = "string" } } },
            ["Email"] = new JObject
            {
                ["allOf"] = new JArray(Ref("Base"), new JObject
                {
                    ["type"] = "object", ["required"] = new JArray("to"), ["properties"] = new JObject { ["to"] = new JObject { ["type"] = "string" } },
                }),
            },
        }));

        var email = Schemas(result)["Email"]!;
        Assert.Multiple(() =>
        {
            Assert.That(email["allOf"], Is.EqualTo(new JArray(Ref("Base"))));
            Assert.That(email["properties"]!["to"], Is.Not.Null);
            Assert.That(email["required"], Is.EqualTo(new JArray("to")));
        });
    }

    [Test]
    public void InlineObjectProperty_IsHoistedAndNamedAfterOwnerAndProperty()
    {
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["PaymentRequest"] = new JObject
            {
                ["type"] = "object",
                ["properties"] = new JObject
                {
                    ["billing_address"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["city"] = new JObject { ["type"] = "string" } } },
                    ["items"] = new JObject { ["type"] = "array", ["items"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["sku"] = new JObject { ["type"] = "string" } } } },
                },
            },
        }));

        var schemas = Schemas(result);
        Assert.Multiple(() =>
        {
            Assert.That((string?)schemas["PaymentRequest"]!["properties"]!["billing_address"]!["$ref"], Is.EqualTo("#/components/schemas/PaymentRequestBillingAddress"));
            Assert.That(schemas["PaymentRequestBillingAddress"]!["properties"]!["city"], Is.Not.Null);
            Assert.That((string?)schemas["PaymentRequest"]!["properties"]!["items"]!["items"]!["$ref"], Is.EqualTo("#/components/schemas/PaymentRequestItemsItem"));
        });
    }

    [Test]
    public void ReferenceWrapper_AroundAPlainSchema_BecomesTheReference()
    {
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["Address"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["city"] = new JObject { ["type"] = "string" } } },
            ["Bank"] = new JObject
            {
                ["type"] = "object",
                ["properties"] = new JObject { ["address"] = new JObject { ["allOf"] = new JArray(Ref("Address")), ["description"] = "The bank's address" } },
            },
        }));

        Assert.That(Schemas(result)["Bank"]!["properties"]!["address"], Is.EqualTo(Ref("Address")));
    }
}
