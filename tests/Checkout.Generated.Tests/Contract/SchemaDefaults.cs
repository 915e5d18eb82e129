using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Checkout.Generated.Testing;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Tests.Contract;

/// <summary>Explains a field the client adds on its own: the schema at that path declares it as the default value.</summary>
internal static class SchemaDefaults
{
    /// <summary>
    /// True when the schema at <paramref name="jsonPath"/> declares <paramref name="value"/> as its default, or when the field is
    /// required there and the value is its type's empty value (the generated type materialises required fields an example omits).
    /// </summary>
    public static bool Explains(ExampleComposer composer, JToken? schema, string jsonPath, JToken value)
    {
        var candidates = Expand(composer, schema, 0).ToList();
        var parents = candidates;
        string? last = null;
        foreach (Match segment in Regex.Matches(jsonPath, @"\.([^.\[]+)|\[(\d+)\]"))
        {
            parents = candidates;
            last = segment.Groups[1].Success ? segment.Groups[1].Value : null;
            var next = new List<JObject>();
            foreach (var candidate in candidates)
            {
                var child = segment.Groups[1].Success ? candidate["properties"]?[segment.Groups[1].Value] : candidate["items"];
                next.AddRange(Expand(composer, child, 0));
            }

            candidates = next;
        }

        if (candidates.Any(c => c["default"] is { } d && JsonDiff.Compare(d, value).Count == 0)) return true;
        var required = last is not null && parents.Any(p => (p["required"] as JArray)?.Any(r => (string?)r == last) == true);
        return required && IsEmptyValue(value);
    }

    private static bool IsEmptyValue(JToken value) => value switch
    {
        JObject o => o.Properties().All(p => IsEmptyValue(p.Value)),
        JArray a => a.Count == 0,
        JValue v => v.Type switch
        {
            JTokenType.Integer or JTokenType.Float => System.Convert.ToDecimal(v.Value, System.Globalization.CultureInfo.InvariantCulture) == 0,
            JTokenType.Boolean => !(bool)v,
            JTokenType.String => ((string?)v)?.Length == 0,
            _ => false,
        },
        _ => false,
    };

    private static IEnumerable<JObject> Expand(ExampleComposer composer, JToken? node, int depth)
    {
        if (depth > 8 || composer.ResolveSchema(node) is not { } schema) yield break;
        yield return schema;
        foreach (var key in new[] { "allOf", "oneOf", "anyOf", "x-checkout-one-of" })
        {
            foreach (var part in (schema[key] as JArray) ?? new JArray())
            {
                foreach (var expanded in Expand(composer, part, depth + 1)) yield return expanded;
            }
        }

        foreach (var target in (schema["discriminator"]?["mapping"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
        {
            foreach (var expanded in Expand(composer, new JObject { ["$ref"] = target.Value.DeepClone() }, depth + 1)) yield return expanded;
        }
    }
}
