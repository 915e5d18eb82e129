using System.Linq;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>The rules that turn <c>allOf</c> into what C# can express: annotations, value types, several bases.</summary>
[Category("Codegen")]
public class AllOfRuleTests
{
    private static JObject Schemas(NormalisationContext c) => (JObject)c.Document["components"]!["schemas"]!;

    private static JObject Object(params string[] properties) => new()
    {
        ["type"] = "object",
        ["properties"] = new JObject(properties.Select(p => new JProperty(p, new JObject { ["type"] = "string", ["description"] = "from " + p }))),
    };

    /// <summary>Only <see cref="MultipleBaseRule"/>: later policies (required lists of response-only schemas) stay out of the picture.</summary>
    private static NormalisationContext MultipleBase(JObject document)
    {
        var context = new NormalisationContext(document);
        new Checkout.Generated.Codegen.Repair.MultipleBaseRule().Apply(context);
        return context;
    }

    private static string[] PropertyNames(JToken schema) => ((JObject?)schema["properties"])?.Properties().Select(p => p.Name).ToArray() ?? [];

    private static string?[] References(JToken schema) => schema["allOf"]?.Select(p => p["$ref"]?.Value<string>()).ToArray() ?? [];

    [Test]
    public void AnnotationPart_NextToAReferenceInAProperty_MakesThePropertyThatReference()
    {
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["Address"] = Object("city"),
            ["Bank"] = new JObject
            {
                ["type"] = "object",
                ["properties"] = new JObject { ["address"] = new JObject { ["allOf"] = new JArray(Ref("Address"), new JObject { ["description"] = "The bank's address", ["nullable"] = true }) } },
            },
        }));

        Assert.Multiple(() =>
        {
            Assert.That(Schemas(result)["Bank"]!["properties"]!["address"], Is.EqualTo(Ref("Address")));
            Assert.That(result.Counts["allOf parts carrying only annotations (moved to their schema)"], Is.EqualTo(1));
        });
    }

    [TestCase("{}")]
    [TestCase("{\"type\": \"object\"}")]
    [TestCase("{\"description\": \"Mbway\", \"deprecated\": true}")]
    public void AnnotationPart_InAComponentSubtype_IsRemovedAndTheSubtypeStaysASubclass(string part)
    {
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["Source"] = Object("type"),
            ["MbwaySource"] = new JObject { ["allOf"] = new JArray(Ref("Source"), JObject.Parse(part)) },
        }));

        var subtype = Schemas(result)["MbwaySource"]!;
        Assert.Multiple(() =>
        {
            Assert.That(References(subtype), Is.EqualTo(new[] { "#/components/schemas/Source" }));
            Assert.That(subtype["type"]!.Value<string>(), Is.EqualTo("object"));
            Assert.That(subtype["deprecated"]?.Value<bool>(), Is.EqualTo(part.Contains("deprecated") ? true : null));
        });
    }

    [Test]
    public void AnnotationPart_HoldersOwnAnnotation_Wins()
    {
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["Base"] = Object("id"),
            ["Sub"] = new JObject { ["description"] = "own", ["allOf"] = new JArray(Ref("Base"), new JObject { ["description"] = "part" }) },
        }));

        Assert.That(Schemas(result)["Sub"]!["description"]!.Value<string>(), Is.EqualTo("own"));
    }

    [Test]
    public void PrimitiveReference_EnumWithADescriptionPart_IsThatEnumNotASubclass()
    {
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["CharacterSets"] = new JObject { ["type"] = "string", ["enum"] = new JArray("katakana", "kanji") },
            ["LocalDescriptor"] = new JObject
            {
                ["type"] = "object",
                ["properties"] = new JObject { ["character_set"] = new JObject { ["allOf"] = new JArray(Ref("CharacterSets"), new JObject { ["description"] = "The character set" }) } },
            },
        }));

        var property = Schemas(result)["LocalDescriptor"]!["properties"]!["character_set"]!;
        Assert.Multiple(() =>
        {
            Assert.That(property["allOf"], Is.Null);
            Assert.That(property["$ref"]!.Value<string>(), Is.EqualTo("#/components/schemas/CharacterSets"), "the property refers to the enum's value type");
            Assert.That(Schemas(result)["CharacterSets"]!["enum"], Is.EqualTo(new JArray("katakana", "kanji")));
            Assert.That(Checkout.Generated.Codegen.Docs.XmlDocMarkers.Restore(property["description"]!.Value<string>()!), Does.Contain("The character set"), "the property keeps its description");
            Assert.That(result.Counts["allOf references to primitive or enum schemas (inlined, not inherited)"], Is.EqualTo(1));
        });
    }

    [TestCase("{\"type\": \"integer\", \"format\": \"int64\"}", "integer")]
    [TestCase("{\"enum\": [\"a\", \"b\"]}", null)]
    public void PrimitiveReference_ComponentDeclaredAnObjectOverAValue_BecomesThatValue(string target, string? type)
    {
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["Value"] = JObject.Parse(target),
            ["Alias"] = new JObject { ["type"] = "object", ["allOf"] = new JArray(Ref("Value")) },
        }));

        // An enum alias has the same values as its target: the two become one value type.
        var alias = Schemas(result)["Alias"] ?? Schemas(result).Properties().Single(p => p.Value["enum"] is not null).Value;
        Assert.Multiple(() =>
        {
            Assert.That(alias["allOf"], Is.Null);
            Assert.That(alias["type"]?.Value<string>(), Is.EqualTo(type ?? "string"));
            Assert.That(alias["enum"] ?? alias["format"], Is.Not.Null);
        });
    }

    [Test]
    public void PrimitiveReference_ObjectTarget_IsLeftAsInheritance()
    {
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["Base"] = Object("id"),
            ["Sub"] = new JObject { ["type"] = "object", ["allOf"] = new JArray(Ref("Base")) },
        }));

        Assert.That(References(Schemas(result)["Sub"]!), Is.EqualTo(new[] { "#/components/schemas/Base" }));
    }

    [Test]
    public void MultipleBase_TwoReferencesBothDefiningNumber_KeepsOneBaseAndOneDefinition()
    {
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["Card"] = Object("number", "expiry"),
            ["Account"] = Object("number", "iban"),
            ["CardAccount"] = new JObject { ["allOf"] = new JArray(Ref("Card"), Ref("Account")) },
        }));

        var merged = Schemas(result)["CardAccount"]!;
        Assert.Multiple(() =>
        {
            Assert.That(References(merged), Is.EqualTo(new[] { "#/components/schemas/Card" }));
            Assert.That(PropertyNames(merged), Is.EqualTo(new[] { "iban" }));
            Assert.That(merged["type"]!.Value<string>(), Is.EqualTo("object"));
            Assert.That(result.Counts["allOf of several references (one base kept, the others' properties copied in)"], Is.EqualTo(1));
        });
    }

    [Test]
    public void MultipleBase_SchemaDefinesThePropertyItself_KeepsItsOwnDefinition()
    {
        var own = new JObject { ["type"] = "integer", ["format"] = "int32" };
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["A"] = Object("a"),
            ["B"] = Object("number", "other"),
            ["C"] = new JObject
            {
                ["type"] = "object",
                ["properties"] = new JObject { ["number"] = own },
                ["allOf"] = new JArray(Ref("A"), Ref("B")),
            },
        }));

        var c = Schemas(result)["C"]!;
        Assert.Multiple(() =>
        {
            Assert.That(c["properties"]!["number"]!["type"]!.Value<string>(), Is.EqualTo("integer"), "its own definition, not B's string");
            Assert.That(PropertyNames(c), Is.EquivalentTo(new[] { "number", "other" }));
        });
    }

    [Test]
    public void MultipleBase_DiscriminatedPartListedSecond_IsTheBase()
    {
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["Links"] = Object("_links"),
            ["Source"] = new JObject
            {
                ["type"] = "object",
                ["required"] = new JArray("type"),
                ["properties"] = new JObject { ["type"] = new JObject { ["type"] = "string" } },
                ["discriminator"] = new JObject { ["propertyName"] = "type" },
            },
            ["LinkedSource"] = new JObject { ["allOf"] = new JArray(Ref("Links"), Ref("Source")) },
        }));

        var linked = Schemas(result)["LinkedSource"]!;
        Assert.Multiple(() =>
        {
            Assert.That(References(linked), Is.EqualTo(new[] { "#/components/schemas/Source" }));
            Assert.That(PropertyNames(linked), Is.EqualTo(new[] { "_links" }));
        });
    }

    [Test]
    public void MultipleBase_PartWhoseDiscriminatorMapsTheSchema_IsPreferredToAnEarlierDiscriminatedPart()
    {
        JObject Discriminated(string property, JObject? mapping = null) => new()
        {
            ["type"] = "object",
            ["required"] = new JArray(property),
            ["properties"] = new JObject { [property] = new JObject { ["type"] = "string" } },
            ["discriminator"] = mapping is null ? new JObject { ["propertyName"] = property } : new JObject { ["propertyName"] = property, ["mapping"] = mapping },
        };
        var result = MultipleBase(With(schemas: new JObject
        {
            ["Instrument"] = Discriminated("kind"),
            ["Source"] = Discriminated("type", new JObject { ["card"] = "#/components/schemas/CardSource" }),
            ["CardSource"] = new JObject { ["allOf"] = new JArray(Ref("Instrument"), Ref("Source")) },
        }));

        var card = Schemas(result)["CardSource"]!;
        Assert.Multiple(() =>
        {
            Assert.That(References(card), Is.EqualTo(new[] { "#/components/schemas/Source" }));
            Assert.That(PropertyNames(card), Is.EqualTo(new[] { "kind" }));
            Assert.That(card["required"]!.Values<string>(), Does.Contain("kind"));
        });
    }

    [Test]
    public void MultipleBase_CopiedPartWithItsOwnBase_BringsTheWholeChainMostDerivedFirst()
    {
        var derived = new JObject { ["type"] = "string", ["maxLength"] = 10 };
        var result = MultipleBase(With(schemas: new JObject
        {
            ["Root"] = new JObject { ["type"] = "object", ["required"] = new JArray("name"), ["properties"] = new JObject { ["name"] = new JObject { ["type"] = "string" }, ["code"] = new JObject { ["type"] = "string" } } },
            ["Middle"] = new JObject { ["type"] = "object", ["allOf"] = new JArray(Ref("Root")), ["properties"] = new JObject { ["code"] = derived } },
            ["Base"] = Object("id"),
            ["Leaf"] = new JObject { ["allOf"] = new JArray(Ref("Base"), Ref("Middle")) },
        }));

        var leaf = Schemas(result)["Leaf"]!;
        Assert.Multiple(() =>
        {
            Assert.That(References(leaf), Is.EqualTo(new[] { "#/components/schemas/Base" }));
            Assert.That(PropertyNames(leaf), Is.EquivalentTo(new[] { "code", "name" }));
            Assert.That(leaf["properties"]!["code"], Is.EqualTo(derived));
            Assert.That(leaf["required"]!.Values<string>(), Is.EqualTo(new[] { "name" }));
        });
    }
}
