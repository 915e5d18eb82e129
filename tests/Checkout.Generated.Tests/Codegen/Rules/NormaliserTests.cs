using System.Linq;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>Each rule on a small document with its defect: repaired, counted, or failed with the pointer.</summary>
[Category("Codegen")]
public class NormaliserTests
{
    private static JObject Schemas(NormalisationContext c) => (JObject)c.Document["components"]!["schemas"]!;

    [Test]
    public void Normalise_NotOpenApi3_Throws()
    {
        var document = With();
        document["openapi"] = "2.0";
        Assert.That(() => Normaliser.Normalise(document), Throws.TypeOf<NormalisationException>().With.Message.StartsWith("/openapi:"));
    }

    [Test]
    public void Normalise_Source_IsLeftUntouched()
    {
        var document = With(new JObject { ["/a"] = new JObject { ["get"] = Operation() } });
        var copy = document.DeepClone();
        Normaliser.Normalise(document);
        Assert.That(JToken.DeepEquals(document, copy), Is.True);
    }

    [Test]
    public void MissingInfoVersion_IsSetAndCounted()
    {
        var document = With();
        ((JObject)document["info"]!).Remove("version");
        var result = Normaliser.Normalise(document);
        Assert.That(result.Document["info"]!["version"]!.Value<string>(), Is.EqualTo("unversioned"));
        Assert.That(result.Counts["info.version missing"], Is.EqualTo(1));
    }

    [Test]
    public void UnusableParameter_IsRemovedWithItsReferences()
    {
        var document = With(new JObject
        {
            ["/a"] = new JObject { ["get"] = Operation("A") },
        });
        document["paths"]!["/a"]!["get"]!["parameters"] = new JArray(
            new JObject { ["$ref"] = "#/components/parameters/broken" },
            new JObject { ["in"] = "query" },
            new JObject { ["name"] = "ok", ["in"] = "query", ["schema"] = new JObject { ["type"] = "string" } });
        document["components"]!["parameters"] = new JObject { ["broken"] = new JObject { ["schema"] = new JObject() } };

        var result = Normaliser.Normalise(document);

        Assert.That(result.Document["paths"]!["/a"]!["get"]!["parameters"]!.Select(p => p["name"]?.Value<string>()), Is.EqualTo(new[] { "ok" }));
        Assert.That(result.Counts["parameters without name or in (removed)"], Is.EqualTo(2));
    }

    [Test]
    public void NullSchema_BecomesEmptySchema()
    {
        var schemas = new JObject { ["S"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["p"] = JValue.CreateNull() } } };
        var result = Normaliser.Normalise(With(schemas: schemas));
        Assert.That(Schemas(result)["S"]!["properties"]!["p"], Is.EqualTo(new JObject()));
        Assert.That(result.Counts["null schemas (made {})"], Is.EqualTo(1));
    }

    [Test]
    public void TokenUrlPlaceholder_TakesTheTokenOperationsUrl()
    {
        var document = With(new JObject
        {
            ["/connect/token"] = new JObject
            {
                ["servers"] = new JArray(new JObject { ["url"] = "https://access.sandbox.checkout.com" }), ["post"] = Operation("Request token"),
            },
        });
        document["components"]!["securitySchemes"] = OAuth("string");

        var result = Normaliser.Normalise(document);

        Assert.That(result.Document.SelectToken("components.securitySchemes.OAuth.flows.clientCredentials.tokenUrl")!.Value<string>(),
            Is.EqualTo("https://access.sandbox.checkout.com/connect/token"));
        Assert.That(result.Counts["OAuth tokenUrl that is not a URL"], Is.EqualTo(1));
    }

    [Test]
    public void TokenUrlPlaceholder_WithoutTokenOperation_FailsWithPointer()
    {
        var document = With();
        document["components"]!["securitySchemes"] = OAuth("string");

        var result = Normaliser.Normalise(document);

        Assert.That(result.Errors, Has.One.StartsWith("/components/securitySchemes/OAuth/flows/clientCredentials/tokenUrl: 'string' is not a URL"));
    }

    [Test]
    public void ServerWithPath_MovesIntoOperationPath_AndHostIsRecorded()
    {
        var document = With(new JObject
        {
            ["/"] = new JObject
            {
                ["get"] = Operation("Get file"),
                ["servers"] = new JArray(new JObject { ["url"] = "https://files.sandbox.checkout.com/files/{file_id}" }),
            },
            ["/files/{file_id}"] = new JObject { ["get"] = Operation("Get file on api") },
        });

        var result = Normaliser.Normalise(document);

        var moved = result.Operations().Single(o => o.Operation["summary"]!.Value<string>() == "Get file").Operation;
        Assert.Multiple(() =>
        {
            Assert.That(moved["x-checkout-path"]!.Value<string>(), Is.EqualTo("/files/{file_id}"));
            Assert.That(moved["x-checkout-host"]!.Value<string>(), Is.EqualTo("files"));
            Assert.That(moved["parameters"]!.Single()["name"]!.Value<string>(), Is.EqualTo("file_id"));
            Assert.That(result.Counts["servers carrying a path (moved into the operation path)"], Is.EqualTo(1));
            Assert.That(result.Counts["operations on a host other than the document's (recorded in x-checkout-host)"], Is.EqualTo(1));
            Assert.That(result.Paths["/"], Is.Null);
        });
    }

    [TestCase("https://{prefix}.balances.sandbox.checkout.com", "balances")]
    [TestCase("https://access.checkout.com/connect", "access")]
    [TestCase("https://identity.checkout.com", "identity")]
    [TestCase("https://{prefix}.api.checkout.com", "api")]
    [TestCase("/relative", null)]
    public void HostKind_OfServerUrl_IsItsMeaningfulLabel(string url, string? kind) =>
        Assert.That(Checkout.Generated.Codegen.Repair.HostRule.HostKind(url), Is.EqualTo(kind));

    [Test]
    public void PathParameter_WrongCaseRenamed_UndeclaredAdded_StrayRemoved()
    {
        var op = Operation("Get report file");
        op["parameters"] = new JArray(
            new JObject { ["name"] = "Id", ["in"] = "path", ["required"] = true, ["schema"] = new JObject { ["type"] = "string" } },
            new JObject { ["name"] = "gone", ["in"] = "path", ["required"] = true, ["schema"] = new JObject { ["type"] = "string" } });
        var result = Normaliser.Normalise(With(new JObject { ["/reports/{id}/files/{fileId}"] = new JObject { ["get"] = op } }));

        var names = result.Operations().Single().Operation["parameters"]!.Select(p => p["name"]!.Value<string>());
        Assert.That(names, Is.EquivalentTo(new[] { "id", "fileId" }));
        Assert.That(result.Counts["path parameters that do not match the path template"], Is.EqualTo(3));
    }

    [Test]
    public void OpenEnum_IntegerBecomesPrimitive_WithKnownValuesKept_StringBecomesAValueType()
    {
        var schemas = new JObject
        {
            ["S"] = new JObject { ["type"] = "string", ["enum"] = new JArray("a", "b") },
            ["I"] = new JObject { ["type"] = "integer", ["enum"] = new JArray(1, 2) },
        };
        var result = Normaliser.Normalise(With(schemas: schemas));
        Assert.Multiple(() =>
        {
            Assert.That(Schemas(result)["I"]!["enum"], Is.Null);
            Assert.That(Schemas(result)["I"]!["x-enum-values"]!.Values<long>(), Is.EqualTo(new[] { 1L, 2L }));
            Assert.That(Checkout.Generated.Codegen.Docs.XmlDocMarkers.Restore(Schemas(result)["I"]!["description"]!.Value<string>()!), Does.Contain("1, 2"));
            Assert.That(Schemas(result)["S"]!["enum"]!.Values<string>(), Is.EqualTo(new[] { "a", "b" }), "a string enum is a value type (ValueTypeRule)");
            Assert.That(Schemas(result)["S"]!["x-checkout-value-type"]!.Value<bool>(), Is.True);
            Assert.That(result.Counts["enums opened to their primitive type (forward compatibility)"], Is.EqualTo(2));
        });
    }

    [Test]
    public void TagName_BecomesPascalCaseIdentifier()
    {
        var op = Operation("Pay");
        op["tags"] = new JArray("Apple Pay");
        var result = Normaliser.Normalise(With(new JObject { ["/a"] = new JObject { ["post"] = op } }));
        Assert.That(result.Operations().Single().Operation["tags"]![0]!.Value<string>(), Is.EqualTo("ApplePay"));
        Assert.That(result.Counts["tags that are not identifiers (made PascalCase)"], Is.EqualTo(1));
    }

    private static JObject OAuth(string tokenUrl) => new()
    {
        ["OAuth"] = new JObject
        {
            ["type"] = "oauth2",
            ["flows"] = new JObject { ["clientCredentials"] = new JObject { ["tokenUrl"] = tokenUrl, ["scopes"] = new JObject { ["gateway"] = "g" } } },
        },
    };
}
