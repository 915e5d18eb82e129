using System.Linq;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.AllOfRuleDocuments;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>An <c>allOf</c> reference to a primitive or enum schema: that value type, not a subclass of it.</summary>
[Category("Codegen")]
public class AllOfRulePrimitiveReferenceTests
{
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
}
