using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// An <c>allOf</c> part that references a primitive or enum schema is read by generators as a base class
/// (<c>class Character_set : string</c>, error CS0509). A value type is never inheritance: the referenced schema's
/// keywords are copied into the schema that holds the <c>allOf</c> (its own annotations win) and the part is removed,
/// so the holder is that primitive with its description.
/// </summary>
internal sealed class PrimitiveReferenceRule : INormalisationRule
{
    private static readonly HashSet<string> ObjectKeywords = new(StringComparer.Ordinal)
    {
        "properties", "additionalProperties", "items", "allOf", "oneOf", "anyOf", "discriminator", "$ref",
    };

    public string Name => "allOf references to primitive or enum schemas (inlined, not inherited)";

    public void Apply(NormalisationContext context)
    {
        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (pointer.Contains("/example", StringComparison.Ordinal) || node["allOf"] is not JArray parts) continue;
            foreach (var part in parts.OfType<JObject>().ToList())
            {
                if (part["$ref"]?.Value<string>() is not { } reference || Target(context.Document, reference) is not { } target) continue;
                if (node["type"]?.Value<string>() == "object" && node["properties"] is null) node.Remove("type");
                foreach (var keyword in target.Properties().Where(p => p.Name != "title")) node[keyword.Name] ??= keyword.Value.DeepClone();
                part.Remove();
                context.Count(Name);
            }
            if (parts.Count == 0) node.Remove("allOf");
        }
    }

    /// <summary>The non-object schema a reference leads to (through references to references), or null.</summary>
    private static JObject? Target(JObject document, string reference)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (seen.Add(reference) && OpenApi.Resolve(document, reference) is JObject schema)
        {
            if (schema["$ref"]?.Value<string>() is { } next && schema.Count == 1) { reference = next; continue; }
            if (schema.Properties().Any(p => ObjectKeywords.Contains(p.Name))) return null;
            var type = schema["type"]?.Value<string>();
            return type is "string" or "integer" or "number" or "boolean" || type is null && schema["enum"] is JArray ? schema : null;
        }
        return null;
    }
}
