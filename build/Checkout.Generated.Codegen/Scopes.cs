using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen;

/// <summary>Reads the OAuth scopes a document declares.</summary>
internal static class Scopes
{
    /// <summary>The OAuth scopes the document declares, in its order.</summary>
    public static IReadOnlyList<string> Declared(JObject document) =>
        (document["components"]?["securitySchemes"] as JObject)?.Properties()
            .SelectMany(s => s.Value["flows"] is JObject flows ? flows.Properties() : [])
            .SelectMany(f => f.Value["scopes"] is JObject scopes ? scopes.Properties().Select(p => p.Name) : [])
            .Distinct(StringComparer.Ordinal).ToList() ?? [];
}
