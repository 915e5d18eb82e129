using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Shaping;

/// <summary>
/// Codegen policy: generators prefer a schema's <c>title</c> to its component name, so the many schemas titled
/// <c>Address</c> would become <c>Address2</c> … <c>Address9</c>. Titles are labels, not type names: they are removed
/// from schemas (the document's <c>info.title</c> stays), and component names name the types.
/// </summary>
internal sealed class SchemaTitleRule : INormalisationRule
{
    public string Name => "schema titles (removed: component names name the types)";

    public void Apply(NormalisationContext context)
    {
        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (pointer == "/info" || pointer.Contains("/example", StringComparison.Ordinal)) continue;
            if (node.Property("title") is not { Value.Type: JTokenType.String } title) continue;
            if (!LooksLikeSchema(node)) continue;
            title.Remove();
            context.Count(Name);
        }
    }

    private static bool LooksLikeSchema(JObject node) =>
        node["type"] is not null || node["properties"] is not null || node["allOf"] is not null || node["oneOf"] is not null
        || node["anyOf"] is not null || node["items"] is not null || node["$ref"] is not null || node["enum"] is not null
        || node["x-enum-values"] is not null || node["format"] is not null;
}
