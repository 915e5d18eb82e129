using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>Small OpenAPI documents written in the tests.</summary>
internal static class RuleDocuments
{
    public static JObject With(JObject? paths = null, JObject? schemas = null) => new()
    {
        ["openapi"] = "3.0.1",
        ["info"] = new JObject { ["title"] = "t", ["version"] = "1" },
        ["servers"] = new JArray(new JObject { ["url"] = "https://api.sandbox.checkout.com" }),
        ["paths"] = paths ?? new JObject(),
        ["components"] = new JObject { ["schemas"] = schemas ?? new JObject() },
    };

    public static JObject Operation(string? summary = null, string? id = null)
    {
        var op = new JObject { ["responses"] = new JObject { ["200"] = new JObject { ["description"] = "ok" } } };
        if (summary is not null) op["summary"] = summary;
        if (id is not null) op["operationId"] = id;
        return op;
    }

    public static JObject Ref(string schema) => new() { ["$ref"] = "#/components/schemas/" + schema };
}
