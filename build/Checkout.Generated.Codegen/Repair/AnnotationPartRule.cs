using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// An <c>allOf</c> part that carries only annotations (<c>{"description": "…"}</c>, <c>{"type": "object"}</c>, <c>{}</c>)
/// adds no shape, yet generators count it as a part: <c>allOf: [$ref, {description}]</c> becomes a subclass of the
/// reference instead of the reference. The annotations move to the schema that holds the <c>allOf</c> (its own win;
/// a flag such as <c>nullable</c> is set when any part sets it) and the part is removed. A component schema left with
/// a single referenced part stays a subclass (<c>type: object</c>), as its author wrote it.
/// </summary>
internal sealed class AnnotationPartRule : INormalisationRule
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "description", "title", "example", "examples", "nullable", "readOnly", "writeOnly", "deprecated", "default", "externalDocs", "type",
    };

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "nullable", "readOnly", "writeOnly", "deprecated" };

    public string Name => "allOf parts carrying only annotations (moved to their schema)";

    public void Apply(NormalisationContext context)
    {
        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (pointer.Contains("/example", StringComparison.Ordinal) || node["allOf"] is not JArray parts) continue;
            foreach (var part in parts.OfType<JObject>().Where(IsAnnotationOnly).ToList())
            {
                foreach (var annotation in part.Properties())
                {
                    if (annotation.Name == "type") continue;
                    if (Flags.Contains(annotation.Name) && annotation.Value.Type == JTokenType.Boolean && annotation.Value.Value<bool>()) node[annotation.Name] = true;
                    else node[annotation.Name] ??= annotation.Value.DeepClone();
                }
                part.Remove();
                context.Count(Name);
            }
            if (parts.Count == 0) node.Remove("allOf");
            else if (OpenApi.IsComponentSchema(pointer) && node["type"] is null && parts.Count == 1 && parts[0]["$ref"] is not null) node["type"] = "object";
        }
    }

    /// <summary>Only annotation keywords, and a <c>type</c> (if any) of <c>object</c>, which every referenced part already is.</summary>
    private static bool IsAnnotationOnly(JObject part) =>
        part.Properties().All(p => Annotations.Contains(p.Name)) && part["type"] is null or { Type: JTokenType.String } && (part["type"]?.Value<string>() ?? "object") == "object";
}
