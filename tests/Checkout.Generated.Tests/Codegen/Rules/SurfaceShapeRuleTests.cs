using System.Linq;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>Issue 17's surface rules on small documents: property and item unions, query classes, required members.</summary>
[Category("Codegen")]
public class SurfaceShapeRuleTests
{
    private static JObject Schemas(NormalisationContext c) => (JObject)c.Document["components"]!["schemas"]!;

    private static JObject Object(params string[] properties) =>
        new() { ["type"] = "object", ["properties"] = new JObject(properties.Select(p => new JProperty(p, new JObject { ["type"] = "string" }))) };

    private static JObject OneOf(params JObject[] alternatives) => new() { ["oneOf"] = new JArray(alternatives.Cast<object>().ToArray()) };

    private static NormalisationContext Holder(JObject holderProperties, JObject? extra = null)
    {
        var schemas = new JObject
        {
            ["3dsRequest"] = Object("enabled"),
            ["3dsThirdParty"] = Object("cryptogram"),
            ["Holder"] = new JObject { ["type"] = "object", ["properties"] = holderProperties },
        };
        foreach (var p in extra?.Properties() ?? []) schemas[p.Name] = p.Value;
        return Normaliser.Normalise(With(Sending("Holder"), schemas));
    }

    [Test]
    public void UnionProperty_OneOfWithoutDiscriminator_BecomesAUnionNamedByOwnerAndProperty()
    {
        var result = Holder(new JObject { ["3ds"] = OneOf(Ref("3dsRequest"), Ref("3dsThirdParty")) });

        var schemas = Schemas(result);
        var union = (JObject)schemas["HolderThreeDs"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)schemas["Holder"]!["properties"]!["3ds"]!["$ref"], Is.EqualTo("#/components/schemas/HolderThreeDs"));
            Assert.That((bool?)union["x-checkout-union"], Is.True);
            Assert.That(((JObject)union["properties"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "ThreeDsRequest", "ThreeDsThirdParty" }), "members named after the alternatives' final type names");
            Assert.That((string?)union["properties"]!["ThreeDsThirdParty"]!["$ref"], Is.EqualTo("#/components/schemas/ThreeDsThirdParty"));
        });
    }

    [Test]
    public void UnionProperty_ArrayItemsAndMapValues_BecomeItemAndValueUnions()
    {
        var result = Holder(new JObject
        {
            ["steps"] = new JObject { ["type"] = "array", ["items"] = OneOf(Ref("3dsRequest"), new JObject { ["type"] = "string" }) },
            ["by_id"] = new JObject { ["type"] = "object", ["additionalProperties"] = OneOf(Ref("3dsRequest"), Ref("3dsThirdParty")) },
        });

        var schemas = Schemas(result);
        Assert.Multiple(() =>
        {
            Assert.That((string?)schemas["Holder"]!["properties"]!["steps"]!["items"]!["$ref"], Is.EqualTo("#/components/schemas/HolderStepsItem"));
            Assert.That(((JObject)schemas["HolderStepsItem"]!["properties"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "ThreeDsRequest", "String" }));
            Assert.That((bool?)schemas["HolderByIdValue"]?["x-checkout-union"], Is.True, "the map (hoisted as HolderById) holds unions");
            Assert.That((string?)schemas["HolderById"]?["additionalProperties"]?["$ref"], Is.EqualTo("#/components/schemas/HolderByIdValue"));
        });
    }

    [Test]
    public void UnionProperty_InlineAlternative_IsHoistedAndNamedAfterTheUnion()
    {
        var result = Holder(new JObject { ["pay"] = OneOf(Ref("3dsRequest"), Object("iban")) });

        var union = (JObject)Schemas(result)["HolderPay"]!;
        Assert.That(((JObject)union["properties"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "ThreeDsRequest", "HolderPayOption2" }));
        Assert.That(Schemas(result)["HolderPayOption2"]!["properties"]!["iban"], Is.Not.Null);
    }

    [Test]
    public void UnionProperty_DiscriminatedOrConstraintOrSubtypesOfOneBase_StayInheritanceOrUntouched()
    {
        var constraint = OneOf(new JObject { ["required"] = new JArray("a") }, new JObject { ["required"] = new JArray("b") });
        var result = Holder(
            new JObject { ["source"] = OneOf(Ref("Card"), Ref("Bank")), ["either"] = new JObject { ["type"] = "string", ["oneOf"] = constraint["oneOf"] } },
            new JObject
            {
                ["Source"] = new JObject
                {
                    ["type"] = "object", ["required"] = new JArray("type"), ["properties"] = new JObject { ["type"] = new JObject { ["type"] = "string" } },
                    ["discriminator"] = new JObject { ["propertyName"] = "type", ["mapping"] = new JObject { ["card"] = "#/components/schemas/Card", ["bank"] = "#/components/schemas/Bank" } },
                },
                ["Card"] = new JObject { ["allOf"] = new JArray(Ref("Source"), Object("number")) },
                ["Bank"] = new JObject { ["allOf"] = new JArray(Ref("Source"), Object("iban")) },
            });

        var holder = Schemas(result)["Holder"]!["properties"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)holder["source"]!["$ref"], Is.EqualTo("#/components/schemas/Source"), "alternatives extending one discriminated base: the base");
            Assert.That((string?)holder["either"]!["type"], Is.EqualTo("string"), "a oneOf of required sets is a constraint, not a union");
            Assert.That(Schemas(result).Properties().Where(p => p.Value["x-checkout-union"] is not null), Is.Empty);
        });
    }

    private static JObject Listing(int optional, string? extraName = null)
    {
        var op = Operation(id: "getThings");
        var parameters = new JArray(new JObject { ["name"] = "entity_id", ["in"] = "query", ["required"] = true, ["schema"] = new JObject { ["type"] = "string" } });
        for (var i = 0; i < optional; i++) parameters.Add(new JObject { ["name"] = i == 0 && extraName is not null ? extraName : "filter_" + i, ["in"] = "query", ["schema"] = new JObject { ["type"] = "string" } });
        op["parameters"] = parameters;
        return new JObject { ["/things"] = new JObject { ["get"] = op } };
    }

    [TestCase(6, null)]
    [TestCase(7, "GetThingsQuery")]
    public void QueryClass_MoreThanSixOptionalParameters_TakeAQueryClass(int optional, string? expected)
    {
        var operation = Normaliser.Normalise(With(Listing(optional))).Document["paths"]!["/things"]!["get"]!;

        Assert.That((string?)operation["x-checkout-query-class"], Is.EqualTo(expected));
        if (expected is not null) Assert.That((string?)operation["x-checkout-query-parameter"], Is.EqualTo("query"));
    }

    [Test]
    public void QueryClass_NameOrParameterTaken_IsNumberedOrRenamed()
    {
        var result = Normaliser.Normalise(With(Listing(7, extraName: "query"), new JObject { ["GetThingsQuery"] = Object("a") }));

        var operation = result.Document["paths"]!["/things"]!["get"]!;
        Assert.That((string?)operation["x-checkout-query-class"], Is.EqualTo("GetThingsQuery2"));
        Assert.That((string?)operation["x-checkout-query-parameter"], Is.EqualTo("queryOptions"));
    }

    [Test]
    public void RequiredMembers_RequestOnlySchema_ListsItsRequiredPropertiesButNotTheDiscriminator()
    {
        var schemas = new JObject
        {
            ["Payment"] = new JObject
            {
                ["type"] = "object", ["required"] = new JArray("currency", "source"),
                ["properties"] = new JObject { ["currency"] = new JObject { ["type"] = "string" }, ["source"] = Ref("Source") },
            },
            ["Source"] = new JObject
            {
                ["type"] = "object", ["required"] = new JArray("type"), ["properties"] = new JObject { ["type"] = new JObject { ["type"] = "string" } },
                ["discriminator"] = new JObject { ["propertyName"] = "type", ["mapping"] = new JObject { ["card"] = "#/components/schemas/Card" } },
            },
            ["Card"] = new JObject { ["allOf"] = new JArray(Ref("Source"), new JObject { ["type"] = "object", ["required"] = new JArray("type", "number"), ["properties"] = new JObject { ["type"] = new JObject { ["type"] = "string" }, ["number"] = new JObject { ["type"] = "string" } } }) },
            ["Answer"] = new JObject { ["type"] = "object", ["required"] = new JArray("id"), ["properties"] = new JObject { ["id"] = new JObject { ["type"] = "string" } } },
        };
        var paths = Sending("Payment");
        paths["/send"]!["post"]!["responses"]!["200"]!["content"] = new JObject { ["application/json"] = new JObject { ["schema"] = Ref("Answer") } };

        var result = Schemas(Normaliser.Normalise(With(paths, schemas)));

        Assert.Multiple(() =>
        {
            Assert.That((string?)result["Payment"]!["x-checkout-required-members"], Is.EqualTo("|currency|source|"));
            Assert.That((string?)result["Card"]!["x-checkout-required-members"], Is.EqualTo("|number|"), "the discriminator is the converter's, never required of the caller");
            Assert.That(result["Source"]!["x-checkout-required-members"], Is.Null);
            Assert.That(result["Answer"]!["x-checkout-required-members"], Is.Null, "a response model stays nullable");
        });
    }

    [TestCase("bool", "boolean")]
    [TestCase("enum - HMACSHA256", "string")]
    [TestCase("int", "integer")]
    public void UnknownType_BecomesTheOpenApiTypeItNames(string type, string expected)
    {
        var result = Holder(new JObject { ["flag"] = new JObject { ["type"] = type, ["default"] = "false", ["example"] = "7" }, ["methods"] = new JObject { ["type"] = "array", ["enum"] = new JArray("card", "ideal") },
            ["reasons"] = new JObject { ["type"] = "array", ["example"] = new JArray("InvalidMimeType") },
        });

        var holder = Schemas(result)["Holder"]!["properties"]!;
        Assert.That((string?)holder["flag"]!["type"], Is.EqualTo(expected));
        if (expected == "boolean") Assert.That(holder["flag"]!["default"]!.Type, Is.EqualTo(JTokenType.Boolean), "a string default beside it takes the type");
        if (expected == "integer") Assert.That(holder["flag"]!["example"]!.Type, Is.EqualTo(JTokenType.Integer), "a string example beside it takes the type");
        // An enum array without items: the values are its items', which become a value type (ValueTypeRule).
        var items = holder["methods"]!["items"]!;
        var itemType = items["$ref"] is { } reference ? Schemas(result)[((string)reference!).Split('/')[^1]]! : items;
        Assert.That((string?)itemType["type"], Is.EqualTo("string"));
        Assert.That(itemType["enum"]!.Values<string>(), Is.EqualTo(new[] { "card", "ideal" }));
        Assert.That((string?)holder["reasons"]!["items"]!["type"], Is.EqualTo("string"), "an array without items: its example's values say their type");
    }
}
