using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// A schema whose <c>type</c> is not an OpenAPI type (<c>bool</c>, <c>enum - HMACSHA256</c>, <c>int</c>) is typed
/// <c>object</c> by generators although the spec meant a value: the type becomes the OpenAPI type it names (by its first
/// word: <c>bool</c> → <c>boolean</c>, <c>int</c>/<c>long</c> → <c>integer</c>, <c>float</c>/<c>double</c>/<c>decimal</c> →
/// <c>number</c>, <c>enum</c>/<c>str</c>/<c>date</c>… → <c>string</c>), else the JSON type of its example or enum values,
/// else it is removed; a string <c>default</c> or <c>example</c> beside it takes that type (<c>"false"</c> → <c>false</c>).
/// An <c>array</c> without <c>items</c> that carries <c>enum</c> values gets them as its items'
/// (<c>allow_payment_methods</c>: a list of strings, not of <c>object</c>); one whose example lists values of one
/// primitive JSON type gets items of that type (<c>status_reasons: ["InvalidMimeType"]</c>).
/// </summary>
internal sealed class UnknownTypeRule : INormalisationRule
{
    private static readonly HashSet<string> OpenApiTypes = new(StringComparer.Ordinal) { "string", "number", "integer", "boolean", "array", "object" };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bool"] = "boolean", ["boolean"] = "boolean", ["int"] = "integer", ["int32"] = "integer", ["int64"] = "integer", ["long"] = "integer",
        ["integer"] = "integer", ["float"] = "number", ["double"] = "number", ["decimal"] = "number", ["number"] = "number",
        ["str"] = "string", ["string"] = "string", ["enum"] = "string", ["date"] = "string", ["datetime"] = "string", ["uuid"] = "string",
        ["list"] = "array", ["array"] = "array", ["object"] = "object", ["map"] = "object", ["dict"] = "object",
    };

    public string Name => "schemas with a type OpenAPI does not define (or an enum array without items)";

    public void Apply(NormalisationContext context)
    {
        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (!IsSchemaPointer(pointer)) continue;
            if (node["type"] is JValue { Type: JTokenType.String } value && !OpenApiTypes.Contains(value.Value<string>()!))
            {
                var wanted = Named(value.Value<string>()!) ?? JsonType(node["example"]) ?? JsonType((node["enum"] as JArray)?.FirstOrDefault());
                if (wanted is null) node.Remove("type");
                else
                {
                    node["type"] = wanted;
                    // The values written beside such a type are often strings too ("default": "false"): they take the type.
                    foreach (var key in new[] { "default", "example" }) if (node[key] is JValue { Type: JTokenType.String } text) node[key] = Typed(text.Value<string>()!, wanted) ?? text;
                }
                context.Count(Name);
            }
            if (node["type"]?.Value<string>() != "array" || node["items"] is not null) continue;
            if (node["enum"] is JArray { Count: > 0 } values)
            {
                node["items"] = new JObject { ["type"] = JsonType(values[0]) ?? "string", ["enum"] = values.DeepClone() };
                node.Remove("enum");
                context.Count(Name);
            }
            else if (node["example"] is JArray { Count: > 0 } examples && examples.Select(JsonType).Distinct().ToList() is [{ } itemType] && itemType is not ("object" or "array"))
            {
                node["items"] = new JObject { ["type"] = itemType };
                context.Count(Name);
            }
        }
    }

    /// <summary>Schemas live under <c>components/schemas</c> and under a <c>schema</c> key (parameters, bodies); examples, mappings and security schemes are not schemas.</summary>
    private static bool IsSchemaPointer(string pointer) =>
        (pointer.StartsWith("/components/schemas/", StringComparison.Ordinal) || pointer.Contains("/schema", StringComparison.Ordinal))
        && !pointer.Contains("/example", StringComparison.Ordinal) && !pointer.Contains("/discriminator", StringComparison.Ordinal)
        && !pointer.Contains("/x-", StringComparison.Ordinal) && !pointer.EndsWith("/properties", StringComparison.Ordinal);

    private static string? Named(string type)
    {
        var first = new string(type.TrimStart().TakeWhile(char.IsLetterOrDigit).ToArray());
        return Aliases.TryGetValue(first, out var known) ? known : null;
    }

    private static JToken? Typed(string text, string type) => type switch
    {
        "boolean" when bool.TryParse(text.Trim(), out var flag) => flag,
        "integer" when long.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var whole) => whole,
        "number" when decimal.TryParse(text.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
        _ => null,
    };

    private static string? JsonType(JToken? value) => value?.Type switch
    {
        JTokenType.String or JTokenType.Date or JTokenType.Guid => "string",
        JTokenType.Integer => "integer",
        JTokenType.Float => "number",
        JTokenType.Boolean => "boolean",
        JTokenType.Array => "array",
        JTokenType.Object => "object",
        _ => null,
    };
}
