using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// An inline schema that only wraps a reference (<c>{"allOf": [{"$ref": "…/Address"}], "description": "…"}</c>, the
/// OpenAPI 3.0 way to describe a reference) would become a class of its own (<c>Address2 : Address</c>): an
/// <c>Address</c> could not be assigned to it, and for a discriminated schema the mapped subtypes would not extend
/// it, so reading any subtype into it fails. It becomes the plain reference.
/// </summary>
internal sealed class ReferenceWrapperRule : INormalisationRule
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "allOf", "description", "title", "example", "examples", "nullable", "readOnly", "writeOnly", "deprecated", "externalDocs", "type",
    };

    public string Name => "inline wrappers around a single reference (made references)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            var tokens = pointer.Split('/');
            if (tokens.Length == 4 && tokens[1] == "components" && tokens[2] == "schemas") continue;
            if (node.Parent is not JProperty { Name: not "example" and not "examples" } && node.Parent is not JArray) continue;
            if (node["allOf"] is not JArray { Count: 1 } allOf || allOf[0] is not JObject only) continue;
            if (node.Properties().Any(p => !Annotations.Contains(p.Name)) || node["type"] is { } type && type.Value<string>() != "object") continue;
            var target = Discriminators.SchemaName(only["$ref"]?.Value<string>());
            if (target is null || schemas[target] is null) continue;
            node.Replace(new JObject { ["$ref"] = Discriminators.Reference(target) });
            context.Count(Name);
        }
    }
}
