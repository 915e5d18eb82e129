using System.Linq;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.AllOfRuleDocuments;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>An <c>allOf</c> of several references (<see cref="Checkout.Generated.Codegen.Repair.MultipleBaseRule"/>): one base kept, the others' properties copied in.</summary>
[Category("Codegen")]
public class AllOfRuleMultipleBaseTests
{
    /// <summary>Only <see cref="MultipleBaseRule"/>: later policies (required lists of response-only schemas) stay out of the picture.</summary>
    private static NormalisationContext MultipleBase(JObject document)
    {
        var context = new NormalisationContext(document);
        new Checkout.Generated.Codegen.Repair.MultipleBaseRule().Apply(context);
        return context;
    }

    private static string[] PropertyNames(JToken schema) => ((JObject?)schema["properties"])?.Properties().Select(p => p.Name).ToArray() ?? [];

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
