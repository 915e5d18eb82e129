using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// Codegen policy: an <c>allOf</c> part that is an inline object (properties and required, no reference) would become
/// an anonymous base class (<c>EmailAction : Anonymous2</c>). Its properties and required list merge into the schema
/// that holds the <c>allOf</c>; referenced parts stay, so inheritance from named schemas is kept.
/// </summary>
internal sealed class InlineAllOfRule : INormalisationRule
{
    private static readonly HashSet<string> Mergeable = new(StringComparer.Ordinal)
    {
        "type", "properties", "required", "description", "example", "additionalProperties",
    };

    public string Name => "inline allOf parts (merged into their schema)";

    public void Apply(NormalisationContext context)
    {
        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (pointer.Contains("/example", StringComparison.Ordinal) || node["allOf"] is not JArray parts) continue;
            foreach (var part in parts.OfType<JObject>().ToList())
            {
                if (part["$ref"] is not null || part["properties"] is not JObject properties) continue;
                if (part.Properties().Any(p => !Mergeable.Contains(p.Name)) || part["type"]?.Value<string>() is { } t && t != "object") continue;
                if (node["properties"] is not JObject target) node["properties"] = target = new JObject();
                foreach (var property in properties.Properties()) target[property.Name] ??= property.Value.DeepClone();
                if (part["required"] is JArray required)
                {
                    if (node["required"] is not JArray merged) node["required"] = merged = new JArray();
                    foreach (var name in required.Where(r => !merged.Any(m => JToken.DeepEquals(m, r)))) merged.Add(name.DeepClone());
                }
                if (node["description"] is null && part["description"] is { } description) node["description"] = description.DeepClone();
                part.Remove();
                context.Count(Name);
            }
            if (parts.Count == 0) node.Remove("allOf");
            if (node["type"] is null && node["properties"] is not null) node["type"] = "object";
        }
    }
}
