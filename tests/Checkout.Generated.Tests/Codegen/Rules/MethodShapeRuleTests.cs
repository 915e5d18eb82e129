using System.Linq;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>The rules that shape generated methods: results, parameter names, files, required bodies, primitive parameters.</summary>
[Category("Codegen")]
public class MethodShapeRuleTests
{
    private static JObject Json(JObject schema) => new() { ["application/json"] = new JObject { ["schema"] = schema } };

    private static JObject Respond(params (string Status, JObject? Content)[] responses)
    {
        var all = new JObject();
        foreach (var (status, content) in responses)
        {
            all[status] = new JObject { ["description"] = "d" };
            if (content is not null) all[status]!["content"] = content;
        }
        return new JObject { ["operationId"] = "op", ["responses"] = all };
    }

    private static JObject Normalised(JObject op, JObject? schemas = null) =>
        (JObject)Normaliser.Normalise(With(new JObject { ["/p/{the_id}"] = new JObject { ["post"] = op } }, schemas ?? Models())).Document["paths"]!["/p/{the_id}"]!["post"]!;

    private static JObject Models() => new()
    {
        ["A"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["a"] = new JObject { ["type"] = "string" } } },
        ["B"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["b"] = new JObject { ["type"] = "string" } } },
        ["OpResult"] = new JObject { ["type"] = "object" },
    };

    [Test]
    public void ResultShape_TwoSuccessBodies_IsMultiWithStatusNamesAndAFreeTypeName()
    {
        var op = Normalised(Respond(("201", Json(Ref("A"))), ("202", Json(Ref("B"))), ("422", Json(Ref("B")))));

        Assert.Multiple(() =>
        {
            Assert.That((string?)op["x-checkout-result"], Is.EqualTo("multi"));
            Assert.That((string?)op["x-checkout-result-type"], Is.EqualTo("OpResult2"), "OpResult is a schema already");
            Assert.That((string?)op["responses"]!["201"]!["x-checkout-status-name"], Is.EqualTo("Created"));
            Assert.That((string?)op["responses"]!["202"]!["x-checkout-status-name"], Is.EqualTo("Accepted"));
            Assert.That(op["responses"]!["422"]!["x-checkout-status-name"], Is.Null, "errors are not results");
        });
    }

    [TestCase("200", "201", "body", TestName = "ResultShape_TwoStatusesOneSchema_IsTheModel")]
    public void ResultShape_SameSchemaTwice_IsBody(string first, string second, string expected)
    {
        var op = Normalised(Respond((first, Json(Ref("A"))), (second, Json(Ref("A")))));
        Assert.That((string?)op["x-checkout-result"], Is.EqualTo(expected));
    }

    [Test]
    public void ResultShape_BodyAndABodilessSuccess_IsMulti() =>
        Assert.That((string?)Normalised(Respond(("200", Json(Ref("A"))), ("204", null)))["x-checkout-result"], Is.EqualTo("multi"));

    [Test]
    public void ResultShape_OnlyNoContent_IsNone() =>
        Assert.That((string?)Normalised(Respond(("204", null), ("404", null)))["x-checkout-result"], Is.EqualTo("none"));

    [Test]
    public void ResultShape_Redirect_IsLocation() =>
        Assert.That((string?)Normalised(Respond(("302", null)))["x-checkout-result"], Is.EqualTo("location"));

    [Test]
    public void ResultShape_NonJsonBody_IsFileWithItsMediaTypeAndNoSchema()
    {
        var csv = new JObject { ["text/csv"] = new JObject { ["schema"] = new JObject { ["type"] = "string", ["format"] = "binary" } } };
        var op = Normalised(Respond(("200", csv)));
        Assert.That((string?)op["x-checkout-result"], Is.EqualTo("file"));
        Assert.That((string?)op["x-checkout-media-type"], Is.EqualTo("text/csv"));
        Assert.That(op["responses"]!["200"]!["content"]!["text/csv"]!["schema"], Is.Null, "no NSwag file type in the public API");
    }

    [Test]
    public void ResultShape_PrimitiveBody_IsValue() =>
        Assert.That((string?)Normalised(Respond(("200", Json(new JObject { ["type"] = "string" }))))["x-checkout-result"], Is.EqualTo("value"));

    [Test]
    public void ParameterName_SnakeAndHeaderNames_BecomeCamelCaseAndTheIdempotencyKeyAnOption()
    {
        var op = Respond(("204", null));
        op["parameters"] = new JArray(
            new JObject { ["name"] = "the_id", ["in"] = "path", ["required"] = true, ["schema"] = new JObject { ["type"] = "string" } },
            new JObject { ["name"] = "pagination_token", ["in"] = "query", ["schema"] = new JObject { ["type"] = "string" } },
            new JObject { ["name"] = "the-id", ["in"] = "query", ["schema"] = new JObject { ["type"] = "string" } },
            new JObject { ["name"] = "Cko-Idempotency-Key", ["in"] = "header", ["schema"] = new JObject { ["type"] = "string" } });

        var parameters = (JArray)Normalised(op)["parameters"]!;

        Assert.That(parameters.Select(p => (string?)p["x-originalName"]), Is.EqualTo(new[] { "theId", "paginationToken", "theIdQuery", null }));
        Assert.That((string?)parameters[3]["x-checkout-request-option"], Is.EqualTo("idempotency-key"));
        Assert.That(parameters.Select(p => (string?)p["name"]), Is.EqualTo(new[] { "the_id", "pagination_token", "the-id", "Cko-Idempotency-Key" }), "wire names unchanged");
    }

    [TestCase("file=@/path/receipt.png;type=image/png", null, true, TestName = "MultipartFile_CurlExample_IsAFile")]
    [TestCase(null, "binary", true, TestName = "MultipartFile_FormatBinary_IsAFile")]
    [TestCase("dispute_evidence", null, false, TestName = "MultipartFile_PlainText_IsNotAFile")]
    [TestCase("someone@example.com", null, false, TestName = "MultipartFile_EmailExample_IsNotAFile")]
    public void MultipartFile_Field_IsMarkedByBinaryOrCurlConvention(string? example, string? format, bool file)
    {
        var field = new JObject { ["type"] = "string" };
        if (example is not null) field["example"] = example;
        if (format is not null) field["format"] = format;
        var op = Respond(("200", Json(Ref("A"))));
        op["requestBody"] = new JObject { ["content"] = new JObject { ["multipart/form-data"] = new JObject { ["schema"] = new JObject
        {
            ["type"] = "object", ["required"] = new JArray("upload_file"), ["properties"] = new JObject { ["upload_file"] = field, ["purpose"] = new JObject { ["type"] = "string" } },
        } } } };

        var normalised = Normaliser.Normalise(With(new JObject { ["/p/{the_id}"] = new JObject { ["post"] = op } }, Models()));
        var schema = normalised.Document["paths"]!["/p/{the_id}"]!["post"]!["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;
        if (schema["$ref"] is { } reference) schema = normalised.Document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!;
        var properties = schema["properties"]!;

        Assert.That((bool?)properties["upload_file"]!["x-checkout-file"] == true, Is.EqualTo(file));
        Assert.That(properties["upload_file"]!["format"], Is.Null);
        Assert.That((bool?)properties["upload_file"]!["x-checkout-required"], Is.True, "required fields are marked (NSwag makes form fields optional)");
        Assert.That((string?)properties["upload_file"]!["x-checkout-name"], Is.EqualTo("uploadFile"));
    }

    [Test]
    public void RequiredBody_SchemaWithRequiredFieldsButNoRequiredFlag_IsMadeRequired()
    {
        var op = Respond(("200", Json(Ref("A"))));
        op["requestBody"] = new JObject { ["content"] = Json(Ref("Needs")) };
        var schemas = Models();
        schemas["Needs"] = new JObject { ["type"] = "object", ["required"] = new JArray("x"), ["properties"] = new JObject { ["x"] = new JObject { ["type"] = "string" } } };

        Assert.That((bool?)Normalised(op, schemas)["requestBody"]!["required"], Is.True);
    }

    [Test]
    public void RequiredBody_SchemaWithoutRequiredFields_StaysOptional()
    {
        var op = Respond(("200", Json(Ref("A"))));
        op["requestBody"] = new JObject { ["content"] = Json(Ref("B")) };

        Assert.That(Normalised(op)["requestBody"]!["required"], Is.Null);
    }

    [Test]
    public void PrimitiveParameter_StringWithObjectKeywords_KeepsOnlyItsType()
    {
        var op = Respond(("204", null));
        op["parameters"] = new JArray(new JObject
        {
            ["name"] = "the_id", ["in"] = "path", ["required"] = true,
            ["schema"] = new JObject { ["type"] = "string", ["oneOf"] = new JArray(new JObject { ["required"] = new JArray("id") }), ["properties"] = new JObject { ["id"] = new JObject { ["type"] = "string" } } },
        });

        var schema = (JObject)Normalised(op)["parameters"]![0]!["schema"]!;

        Assert.That(schema.Properties().Select(p => p.Name), Is.EqualTo(new[] { "type" }));
    }
}
