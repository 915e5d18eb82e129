using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Checkout.Generated.Testing;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Tests.Contract;

/// <summary>Explains a field the client adds on its own: the schema at that path declares it as the default value.</summary>
internal static class SchemaDefaults
{
    public static bool Explains(ExampleComposer composer, JToken? schema, string jsonPath, JToken value)
    {
        var candidates = Expand(composer, schema, 0).ToList();
        foreach (Match segment in Regex.Matches(jsonPath, @"\.([^.\[]+)|\[(\d+)\]"))
        {
            var next = new List<JObject>();
            foreach (var candidate in candidates)
            {
                var child = segment.Groups[1].Success ? candidate["properties"]?[segment.Groups[1].Value] : candidate["items"];
                next.AddRange(Expand(composer, child, 0));
            }

            candidates = next;
        }

        return candidates.Any(c => c["default"] is { } d && JsonDiff.Compare(d, value).Count == 0);
    }

    private static IEnumerable<JObject> Expand(ExampleComposer composer, JToken? node, int depth)
    {
        if (depth > 8 || composer.ResolveSchema(node) is not { } schema) yield break;
        yield return schema;
        foreach (var key in new[] { "allOf", "oneOf", "anyOf" })
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
