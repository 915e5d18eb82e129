using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>NSwag reads the normalised document without its examples; names the document chooses stay, whatever they are.</summary>
[Category("Codegen")]
public class NSwagInputTests
{
    private static JObject Document() => JObject.Parse("""
        {
          "paths": {
            "/payments": {
              "post": {
                "parameters": [ { "name": "examples", "in": "query", "schema": { "type": "string" }, "example": "a" } ],
                "requestBody": { "content": { "application/json": {
                  "schema": { "$ref": "#/components/schemas/example" },
                  "example": { "amount": 1 },
                  "examples": { "card": { "value": { "amount": 2 } } } } } }
              }
            }
          },
          "components": {
            "examples": { "card": { "value": { "amount": 3 } } },
            "schemas": {
              "example": {
                "type": "object",
                "example": { "example": "x" },
                "properties": {
                  "example": { "type": "string", "example": "y" },
                  "examples": { "type": "array", "items": { "type": "string", "examples": ["z"] } },
                  "kind": { "type": "object", "enum": [ { "example": 1 } ], "default": { "example": 2 } }
                },
                "x-checkout-note": { "example": "kept" }
              }
            }
          }
        }
        """);

    [Test]
    public void Of_RemovesExampleKeywordsEverywhere()
    {
        var input = NSwagInput.Of(Document());
        var body = input.SelectToken("paths./payments.post.requestBody.content['application/json']")!;

        Assert.Multiple(() =>
        {
            Assert.That(input.SelectToken("paths./payments.post.parameters[0].example"), Is.Null);
            Assert.That(body["example"], Is.Null);
            Assert.That(body["examples"], Is.Null);
            Assert.That(input["components"]!["examples"], Is.Null);
            Assert.That(input.SelectToken("components.schemas.example.example"), Is.Null);
            Assert.That(input.SelectToken("components.schemas.example.properties.example.example"), Is.Null);
            Assert.That(input.SelectToken("components.schemas.example.properties.examples.items.examples"), Is.Null);
        });
    }

    [Test]
    public void Of_KeepsNamesValuesAndExtensionsThatAreCalledExample()
    {
        var input = NSwagInput.Of(Document());
        var schema = input.SelectToken("components.schemas.example")!;

        Assert.Multiple(() =>
        {
            Assert.That(schema["properties"]!["example"]!["type"]!.Value<string>(), Is.EqualTo("string"));
            Assert.That(schema["properties"]!["examples"]!["type"]!.Value<string>(), Is.EqualTo("array"));
            Assert.That(schema.SelectToken("properties.kind.enum[0].example")!.Value<int>(), Is.EqualTo(1));
            Assert.That(schema.SelectToken("properties.kind.default.example")!.Value<int>(), Is.EqualTo(2));
            Assert.That(schema.SelectToken("x-checkout-note.example")!.Value<string>(), Is.EqualTo("kept"));
            Assert.That(input.SelectToken("paths./payments.post.parameters[0].name")!.Value<string>(), Is.EqualTo("examples"));
            Assert.That(input.SelectToken("paths./payments.post.requestBody.content['application/json'].schema.$ref")!.Value<string>(),
                Is.EqualTo("#/components/schemas/example"));
        });
    }

    [Test]
    public void Of_LeavesTheNormalisedDocumentAsItWas()
    {
        var document = Document();
        var before = document.ToString();

        NSwagInput.Of(document);

        Assert.That(document.ToString(), Is.EqualTo(before));
    }
}
