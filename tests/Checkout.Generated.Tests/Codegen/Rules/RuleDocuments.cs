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

    /// <summary>Paths with one operation that takes <paramref name="schema"/> as its body: a request-only schema keeps <c>required</c>.</summary>
    public static JObject Sending(string schema)
    {
        var op = Operation(id: "send");
        op["requestBody"] = new JObject { ["content"] = new JObject { ["application/json"] = new JObject { ["schema"] = Ref(schema) } } };
        return new JObject { ["/send"] = new JObject { ["post"] = op } };
    }

    public static JObject Ref(string schema) => new() { ["$ref"] = "#/components/schemas/" + schema };
}
