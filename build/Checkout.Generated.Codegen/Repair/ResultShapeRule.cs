using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// Codegen policy: what each generated method returns, read from the operation's documented responses, so that no
/// documented success throws. <c>x-checkout-result</c> on the operation is one of
/// <c>body</c> (one JSON body schema: the model), <c>multi</c> (several 2xx with different JSON bodies, or a body and
/// a bodiless 2xx: a generated <c>x-checkout-result-type</c> with one property per status, named by
/// <c>x-checkout-status-name</c>: <c>Ok</c>, <c>Created</c>, <c>Accepted</c>, …), <c>location</c> (a 3xx and no JSON
/// body: <c>CheckoutRedirect</c>), <c>file</c> (a non-JSON body: <c>CheckoutFile</c>, its schema removed and its media
/// type kept in <c>x-checkout-media-type</c>), <c>value</c> (a JSON primitive or free-form value) or <c>none</c>
/// (no body: <c>CheckoutResponse</c>).
/// </summary>
internal sealed class ResultShapeRule : INormalisationRule
{
    private static readonly Dictionary<string, string> StatusNames = new(StringComparer.Ordinal)
    {
        ["200"] = "Ok", ["201"] = "Created", ["202"] = "Accepted", ["203"] = "NonAuthoritative", ["204"] = "NoContent",
        ["205"] = "ResetContent", ["206"] = "PartialContent", ["207"] = "MultiStatus", ["208"] = "AlreadyReported", ["226"] = "ImUsed",
    };

    public string Name => "operation results classified (body, multi, location, file, value, none)";

    /// <summary>The property name of a 2xx status in a multi-status result: its HTTP name, else <c>Status{code}</c>.</summary>
    public static string StatusName(string status) => StatusNames.TryGetValue(status, out var name) ? name : "Status" + status;

    public void Apply(NormalisationContext context)
    {
        var schemas = context.Document["components"]?["schemas"] as JObject ?? new JObject();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, _, operation) in context.Operations())
        {
            if (operation["responses"] is not JObject responses) continue;
            var bodies = new HashSet<string>(StringComparer.Ordinal);
            bool bodiless = false, file = false, redirect = false, primitive = false;
            foreach (var property in responses.Properties())
            {
                if (OpenApi.Deref(context.Document, property.Value) is not { } response) continue;
                var status = property.Name;
                if (status.StartsWith('3')) { redirect = true; continue; }
                if (!status.StartsWith('2')) continue;
                response["x-checkout-status-name"] = StatusName(status);
                var content = response["content"] as JObject;
                var json = content?.Properties().FirstOrDefault(p => IsJson(p.Name) && p.Value["schema"] is JObject);
                if (json is not null)
                {
                    var schema = (JObject)json.Value["schema"]!;
                    bodies.Add(schema.ToString(Formatting.None));
                    primitive |= !IsObjectOrArray(context.Document, schema);
                }
                else if (content?.Properties().FirstOrDefault(p => !IsJson(p.Name)) is { } other)
                {
                    file = true;
                    response["x-checkout-media-type"] = other.Name;
                    operation["x-checkout-media-type"] = other.Name;
                    foreach (var media in content.Properties().Select(p => p.Value).OfType<JObject>()) media.Remove("schema");
                }
                else
                {
                    bodiless = true;
                }
            }
            var kind = bodies.Count switch
            {
                >= 2 => "multi",
                1 when bodiless || file => "multi",
                1 => primitive ? "value" : "body",
                _ when redirect => "location",
                _ when file => "file",
                _ => "none",
            };
            operation["x-checkout-result"] = kind;
            if (kind == "multi")
            {
                var id = operation["operationId"]?.Value<string>() ?? "Operation";
                var name = Names.Identifier(id) + "Result";
                for (var i = 2; schemas[name] is not null || !taken.Add(name); i++) name = Names.Identifier(id) + "Result" + i;
                operation["x-checkout-result-type"] = name;
            }
            context.Count(Name);
        }
    }

    private static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase) || type == "*/*";
    }

    /// <summary>Whether the schema is generated as a class or an array (which carry the metadata).</summary>
    private static bool IsObjectOrArray(JObject document, JObject schema)
    {
        if (schema["$ref"] is not null) return OpenApi.Deref(document, schema) is { } target && (target["type"]?.Value<string>() is null or "object" or "array");
        if (schema["type"]?.Value<string>() == "array" || schema["items"] is not null) return true;
        return schema["properties"] is not null || schema["allOf"] is not null;
    }
}
