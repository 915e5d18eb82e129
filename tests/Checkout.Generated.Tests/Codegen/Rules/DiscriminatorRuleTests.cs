using System.Linq;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>The rules that make every discriminator value generate a subtype of its base.</summary>
[Category("Codegen")]
public class DiscriminatorRuleTests
{
    private static JObject Discriminated(string property, params (string Value, string Schema)[] mapping) => new()
    {
        ["type"] = "object",
        ["properties"] = new JObject { [property] = new JObject { ["type"] = "string" } },
        ["discriminator"] = new JObject
        {
            ["propertyName"] = property,
            ["mapping"] = new JObject(mapping.Select(m => new JProperty(m.Value, "#/components/schemas/" + m.Schema))),
        },
    };

    private static JObject Plain(string property) => new() { ["type"] = "object", ["properties"] = new JObject { [property] = new JObject { ["type"] = "string" } } };

    private static JObject Schemas(NormalisationContext c) => (JObject)c.Document["components"]!["schemas"]!;

    [Test]
    public void Discriminator_WithoutPropertyName_FailsWithPointer()
    {
        var schemas = new JObject { ["Base"] = new JObject { ["type"] = "object", ["discriminator"] = new JObject() } };
        var result = Normaliser.Normalise(With(schemas: schemas));
        Assert.That(result.Errors, Has.One.EqualTo("/components/schemas/Base/discriminator: a discriminator without propertyName"));
    }

    [Test]
    public void Discriminator_PropertyNotRequired_IsMadeRequired()
    {
        var schemas = new JObject { ["Base"] = Discriminated("kind", ("a", "A")), ["A"] = new JObject { ["allOf"] = new JArray(Ref("Base")) } };
        var result = Normaliser.Normalise(With(Sending("Base"), schemas));
        Assert.That(Schemas(result)["Base"]!["required"]!.Values<string>(), Is.EqualTo(new[] { "kind" }));
        Assert.That(result.Counts["discriminators whose property is not required"], Is.EqualTo(1));
    }

    [Test]
    public void Mapping_ToMissingSchema_IsRemoved()
    {
        var schemas = new JObject { ["Base"] = Discriminated("type", ("x", "Nowhere"), ("a", "A")), ["A"] = Plain("a_field") };
        var result = Normaliser.Normalise(With(schemas: schemas));
        Assert.That(((JObject)Schemas(result)["Base"]!["discriminator"]!["mapping"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "a" }));
        Assert.That(result.Counts["discriminator mappings to schemas that do not exist (removed)"], Is.EqualTo(1));
        Assert.That(result.Errors, Is.Empty);
    }

    [Test]
    public void Mapping_ToSchemaNotExtendingBase_MakesItExtendTheBase()
    {
        var schemas = new JObject { ["Base"] = Discriminated("type", ("a", "A")), ["A"] = Plain("a_field") };
        var result = Normaliser.Normalise(With(schemas: schemas));
        Assert.That(Schemas(result)["A"]!["allOf"]![0]!["$ref"]!.Value<string>(), Is.EqualTo("#/components/schemas/Base"));
        Assert.That(result.Counts["discriminator mappings to schemas that do not extend the base (made subtypes)"], Is.EqualTo(1));
    }

    [Test]
    public void Mapping_ToSchemaOfAnotherBase_GetsANewSubtypePerValue()
    {
        var schemas = new JObject
        {
            ["Base"] = Discriminated("type", ("token", "TokenSource")),
            ["Other"] = Discriminated("type", ("token", "TokenSource")),
            ["TokenSource"] = new JObject { ["type"] = "object", ["allOf"] = new JArray(Ref("Other"), Plain("token")) },
        };

        var result = Normaliser.Normalise(With(schemas: schemas));

        var created = Schemas(result)["BaseToken"]!;
        Assert.Multiple(() =>
        {
            // It extends the base; MultipleBaseRule copies the mapped schema's properties in (C# has one base class).
            Assert.That(created["allOf"]!.Select(a => a["$ref"]!.Value<string>()), Is.EqualTo(new[] { "#/components/schemas/Base" }));
            Assert.That(created["properties"]!["token"], Is.Not.Null);
            Assert.That(Schemas(result)["Base"]!["discriminator"]!["mapping"]!["token"]!.Value<string>(), Is.EqualTo("#/components/schemas/BaseToken"));
            Assert.That(Schemas(result)["Other"]!["discriminator"]!["mapping"]!["token"]!.Value<string>(), Is.EqualTo("#/components/schemas/TokenSource"));
        });
    }

    [Test]
    public void Mapping_ToTheBaseItself_GetsASubtype()
    {
        var schemas = new JObject { ["Response"] = Discriminated("type", ("card", "Response")) };
        var result = Normaliser.Normalise(With(schemas: schemas));
        Assert.That(Schemas(result)["ResponseCard"]!["allOf"]![0]!["$ref"]!.Value<string>(), Is.EqualTo("#/components/schemas/Response"));
    }

    [Test]
    public void Mapping_SeveralValuesToOneSchema_GivesEachValueASubtype()
    {
        var schemas = new JObject
        {
            ["Base"] = Discriminated("type", ("gcash", "Wallet"), ("dana", "Wallet")),
            ["Wallet"] = new JObject { ["allOf"] = new JArray(Ref("Base")) },
        };
        var result = Normaliser.Normalise(With(schemas: schemas));
        Assert.That(Schemas(result)["Base"]!["discriminator"]!["mapping"]!["dana"]!.Value<string>(), Is.EqualTo("#/components/schemas/WalletDana"));
        Assert.That(result.Counts["discriminator values sharing one schema (given a subtype each)"], Is.EqualTo(1));
    }

    [Test]
    public void InlineDiscriminator_IsMovedToComponents_IdenticalOnesShared()
    {
        var inline = Discriminated("type", ("individual", "Individual"));
        var schemas = new JObject
        {
            ["PayoutA"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["holder"] = inline.DeepClone() } },
            ["PayoutB"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["holder"] = inline.DeepClone() } },
            ["Individual"] = Plain("first_name"),
        };

        var result = Normaliser.Normalise(With(schemas: schemas));

        Assert.Multiple(() =>
        {
            Assert.That(Schemas(result)["PayoutA"]!["properties"]!["holder"]!["$ref"]!.Value<string>(), Is.EqualTo("#/components/schemas/PayoutAHolder"));
            Assert.That(Schemas(result)["PayoutB"]!["properties"]!["holder"]!["$ref"]!.Value<string>(), Is.EqualTo("#/components/schemas/PayoutAHolder"));
            Assert.That(Schemas(result)["Individual"]!["allOf"]![0]!["$ref"]!.Value<string>(), Is.EqualTo("#/components/schemas/PayoutAHolder"));
            Assert.That(result.Counts["discriminators on inline schemas (moved to components)"], Is.EqualTo(2));
        });
    }

    [Test]
    public void InlineWrapperAroundDiscriminatedSchema_BecomesReference()
    {
        var schemas = new JObject
        {
            ["Source"] = Discriminated("type", ("card", "Card")),
            ["Card"] = new JObject { ["allOf"] = new JArray(Ref("Source")) },
            ["Payment"] = new JObject
            {
                ["type"] = "object",
                ["properties"] = new JObject { ["source"] = new JObject { ["type"] = "object", ["allOf"] = new JArray(Ref("Source")), ["description"] = "d" } },
            },
        };
        var result = Normaliser.Normalise(With(schemas: schemas));
        Assert.That(Schemas(result)["Payment"]!["properties"]!["source"], Is.EqualTo(Ref("Source")));
        Assert.That(result.Counts["inline wrappers around a single reference (made references)"], Is.EqualTo(1));
    }
}
