using System.Linq;
using Checkout.Generated.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Testing;

[Category("Contract")]
public class ExampleComposerTests
{
    private static ExampleComposer Composer(string schemas) => new(JObject.Parse("{\"openapi\":\"3.0.1\",\"paths\":{},\"components\":{\"schemas\":" + schemas + "}}"));

    [Test]
    public void Compose_DiscriminatedSchema_GivesOneInstancePerSubtypeWithItsDiscriminatorValue()
    {
        var composer = Composer("""
            {
              "Source": { "type": "object", "required": ["type"], "properties": { "type": { "type": "string" } },
                          "discriminator": { "propertyName": "type", "mapping": { "card": "#/components/schemas/Card", "token": "#/components/schemas/Token" } } },
              "Card": { "allOf": [ { "$ref": "#/components/schemas/Source" }, { "type": "object", "required": ["number"], "properties": { "number": { "type": "string", "example": "4111111111111111" } } } ] },
              "Token": { "allOf": [ { "$ref": "#/components/schemas/Source" }, { "type": "object", "properties": { "token": { "type": "string", "example": "tok_x" } } } ] },
              "Payment": { "type": "object", "required": ["source"], "properties": { "source": { "$ref": "#/components/schemas/Source" }, "amount": { "type": "integer", "minimum": 0 } } }
            }
            """);

        var examples = composer.Compose(new JObject { ["$ref"] = "#/components/schemas/Payment" });

        Assert.That(examples.Select(e => (string?)e.Value["source"]!["type"]), Is.EquivalentTo(new[] { "card", "token" }));
        Assert.That(examples.SelectMany(e => e.Subtypes), Is.EquivalentTo(new[] { "Source:card", "Source:token" }));
        Assert.That((string?)examples.Single(e => (string?)e.Value["source"]!["type"] == "card").Value["source"]!["number"], Is.EqualTo("4242424242424242"), "a non-test card number is replaced");
        Assert.That((int)examples[0].Value["amount"]!, Is.EqualTo(0));
    }

    [Test]
    public void Compose_RecursiveSchema_StopsAtTheCycle()
    {
        var composer = Composer("""{ "Node": { "type": "object", "properties": { "name": { "type": "string", "example": "n" }, "child": { "$ref": "#/components/schemas/Node" } } } }""");

        var example = composer.Compose(new JObject { ["$ref"] = "#/components/schemas/Node" }).Single().Value;

        Assert.That(example.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("{\"name\":\"n\"}"));
    }

    [Test]
    public void Compose_ExampleContradictingItsSchema_ComposesFromTheSchemaInstead()
    {
        var composer = Composer("""
            { "Links": { "type": "object", "example": { "self": "https://example.com/x" },
                         "properties": { "self": { "type": "object", "properties": { "href": { "type": "string", "format": "uri" } } } } } }
            """);

        var example = composer.Compose(new JObject { ["$ref"] = "#/components/schemas/Links" }).Single().Value;

        Assert.That((string?)example["self"]!["href"], Is.EqualTo("https://example.com/"));
    }

    [Test]
    public void Compose_FormatsEnumsAndRequiredUndeclaredFields_AreFilled()
    {
        var composer = Composer("""
            { "Thing": { "type": "object", "required": ["value"],
                         "properties": { "at": { "type": "string", "format": "date-time" }, "kind": { "type": "string", "x-enum-values": ["a", "b"] },
                                         "mail": { "type": "string", "format": "email" }, "tags": { "type": "array", "items": { "type": "string", "example": "t" } } } } }
            """);

        var example = composer.Compose(new JObject { ["$ref"] = "#/components/schemas/Thing" }).Single().Value;

        Assert.Multiple(() =>
        {
            Assert.That((string?)example["at"], Is.EqualTo("2023-02-23T10:00:00Z"));
            Assert.That((string?)example["kind"], Is.EqualTo("a"));
            Assert.That((string?)example["mail"], Does.Contain("@"));
            Assert.That(example["tags"]!.Select(t => (string?)t), Is.EqualTo(new[] { "t" }));
            Assert.That(example["value"], Is.Not.Null, "required but undeclared");
        });
    }
}
