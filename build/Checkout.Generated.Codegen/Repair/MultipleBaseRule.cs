using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// An <c>allOf</c> of several references asks for multiple inheritance, which C# lacks; generators take one part as the
/// base and merge the others' properties, and stop (<c>The properties 'number' are defined multiple times.</c>) when
/// two parts define the same property. One base is kept, chosen in this order: a part whose discriminator maps this
/// schema, else the first discriminated part, else the first part. Every other part is replaced by its properties and
/// required names, taken along its whole <c>allOf</c> chain; a property is defined once, by the most derived
/// definition: the schema's own, else the base chain's (C# cannot drop it there), else the first part listing it
/// (a part's own before its bases').
/// </summary>
internal sealed class MultipleBaseRule : INormalisationRule
{
    public string Name => "allOf of several references (one base kept, the others' properties copied in)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (pointer.Contains("/example", StringComparison.Ordinal) || node["allOf"] is not JArray parts) continue;
            var referenced = parts.OfType<JObject>()
                .Select(p => (Part: p, Name: Discriminators.SchemaName(p["$ref"]?.Value<string>())))
                .Where(p => p.Name is not null && schemas[p.Name] is JObject).ToList();
            if (referenced.Count < 2) continue;

            var own = OwnName(pointer);
            var kept = referenced.FirstOrDefault(p => own is not null && Maps(schemas, p.Name!, own));
            if (kept.Part is null) kept = referenced.FirstOrDefault(p => Discriminators.IsDiscriminated(schemas, p.Name!));
            if (kept.Part is null) kept = referenced[0];

            var defined = new HashSet<string>(PropertyNames(node), StringComparer.Ordinal);
            defined.UnionWith(Chain(schemas, kept.Name!).SelectMany(s => PropertyNames(s)));
            if (node["properties"] is not JObject properties) node["properties"] = properties = new JObject();
            var required = node["required"] as JArray ?? new JArray();
            foreach (var (part, name) in referenced.Where(p => p.Part != kept.Part))
            {
                var requiredHere = Chain(schemas, name!).SelectMany(s => (s["required"] as JArray)?.Values<string>() ?? []).ToHashSet(StringComparer.Ordinal);
                foreach (var schema in Chain(schemas, name!))
                {
                    foreach (var property in (schema["properties"] as JObject)?.Properties() ?? [])
                    {
                        if (!defined.Add(property.Name)) continue;
                        properties[property.Name] = property.Value.DeepClone();
                        if (requiredHere.Contains(property.Name) && !required.Values<string>().Contains(property.Name)) required.Add(property.Name);
                    }
                }
                part.Remove();
            }
            if (required.Count > 0) node["required"] = required;
            if (properties.Count == 0) node.Remove("properties");
            node["type"] ??= "object";
            context.Count(Name);
        }
    }

    /// <summary>The component name when <paramref name="pointer"/> is a component schema.</summary>
    private static string? OwnName(string pointer)
    {
        var tokens = pointer.Split('/');
        return tokens.Length == 4 && tokens[1] == "components" && tokens[2] == "schemas" ? tokens[3].Replace("~1", "/").Replace("~0", "~") : null;
    }

    /// <summary>Whether <paramref name="name"/> or a schema it extends maps <paramref name="target"/> in its discriminator.</summary>
    private static bool Maps(JObject schemas, string name, string target) =>
        Chain(schemas, name).Any(s => (s["discriminator"]?["mapping"] as JObject)?.Properties()
            .Any(m => m.Value.Type == JTokenType.String && Discriminators.SchemaName(m.Value.Value<string>()) == target) == true);

    /// <summary>A schema and every schema it extends, most derived first (inline parts count as the schema's own).</summary>
    private static IEnumerable<JObject> Chain(JObject schemas, string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([name]);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            if (!seen.Add(current) || schemas[current] is not JObject schema) continue;
            yield return schema;
            foreach (var part in (schema["allOf"] as JArray)?.OfType<JObject>() ?? [])
            {
                if (Discriminators.SchemaName(part["$ref"]?.Value<string>()) is { } b) pending.Enqueue(b);
                else yield return part;
            }
        }
    }

    private static IEnumerable<string> PropertyNames(JObject schema) =>
        ((schema["properties"] as JObject)?.Properties().Select(p => p.Name) ?? [])
        .Concat((schema["allOf"] as JArray)?.OfType<JObject>().Where(p => p["$ref"] is null)
            .SelectMany(p => (p["properties"] as JObject)?.Properties().Select(q => q.Name) ?? []) ?? []);
}
