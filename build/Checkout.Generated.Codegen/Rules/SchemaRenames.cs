using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Rules;

/// <summary>Renames component schemas in place, with every <c>$ref</c> and discriminator mapping that points at them.</summary>
internal static class SchemaRenames
{
    /// <summary>Applies <paramref name="renames"/> (old component name → new name) to <paramref name="schemas"/> and the whole document.</summary>
    public static void Apply(JObject document, JObject schemas, IReadOnlyDictionary<string, string> renames)
    {
        if (renames.Count == 0) return;
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in renames)
        {
            var property = schemas.Property(from)!;
            property.Replace(new JProperty(to, property.Value));
            references["#/components/schemas/" + OpenApi.Escape(from)] = "#/components/schemas/" + OpenApi.Escape(to);
        }
        foreach (var (pointer, node) in OpenApi.Objects(document).ToList())
        {
            // $ref values and discriminator mapping values point at schemas.
            var isMapping = pointer.EndsWith("/discriminator/mapping", StringComparison.Ordinal);
            foreach (var property in node.Properties())
            {
                if ((isMapping || property.Name == "$ref") && property.Value is JValue { Type: JTokenType.String } value
                    && references.TryGetValue(value.Value<string>()!, out var renamed))
                {
                    value.Value = renamed;
                }
            }
        }
    }
}
