using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Rules;

/// <summary>Renames component schemas in place, with every <c>$ref</c>, discriminator mapping and origin owner that points at them.</summary>
internal static class SchemaRenames
{
    /// <summary>Applies <paramref name="renames"/> (old component name → new name) to <paramref name="schemas"/> and the whole document.</summary>
    public static void Apply(JObject document, JObject schemas, IReadOnlyDictionary<string, string> renames)
    {
        if (renames.Count == 0) return;
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        // All at once, in place: a schema may take the name another one gives up in the same pass.
        var replaced = schemas.Properties().Select(p => new JProperty(renames.GetValueOrDefault(p.Name, p.Name), p.Value)).ToList();
        schemas.RemoveAll();
        foreach (var property in replaced) schemas.Add(property);
        foreach (var (from, to) in renames)
        {
            references["#/components/schemas/" + OpenApi.Escape(from)] = "#/components/schemas/" + OpenApi.Escape(to);
        }
        foreach (var (pointer, node) in OpenApi.Objects(document).ToList())
        {
            // $ref values and discriminator mapping values point at schemas.
            var isMapping = pointer.EndsWith("/discriminator/mapping", StringComparison.Ordinal);
            var isOrigin = pointer.EndsWith("/" + Origin.Extension, StringComparison.Ordinal);
            foreach (var property in node.Properties())
            {
                if ((isMapping || property.Name == "$ref" || (isOrigin && property.Name == "owner")) && property.Value is JValue { Type: JTokenType.String } value
                    && references.TryGetValue(value.Value<string>()!, out var renamed))
                {
                    value.Value = renamed;
                }
            }
        }
    }
}
