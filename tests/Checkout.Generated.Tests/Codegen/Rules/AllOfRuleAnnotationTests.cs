using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.AllOfRuleDocuments;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>An <c>allOf</c> part that only annotates (description, nullable, deprecated): moved onto its holder, which stays a reference or a subclass.</summary>
[Category("Codegen")]
public class AllOfRuleAnnotationTests
{
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
}
