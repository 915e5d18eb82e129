using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// A path, query or header parameter is text on the wire. A parameter schema that declares a primitive <c>type</c>
/// but also object keywords (<c>properties</c>, <c>oneOf</c> of <c>required</c> sets, <c>additionalProperties</c>: the
/// document's way to say "an id or an email") was generated as <c>object</c>: the object keywords are dropped so the
/// declared type wins; a path parameter with no primitive type at all becomes a <c>string</c>.
/// </summary>
internal sealed class PrimitiveParameterRule : INormalisationRule
{
    private static readonly string[] ObjectKeywords = ["properties", "oneOf", "anyOf", "allOf", "additionalProperties", "required", "discriminator"];

    public string Name => "non-body parameters with object keywords (typed by their primitive type)";

    public void Apply(NormalisationContext context)
    {
        var seen = new HashSet<JObject>();
        foreach (var (path, _, operation) in context.Operations())
        {
            var parameters = (context.Paths[path]?["parameters"] as JArray ?? new JArray()).Concat(operation["parameters"] as JArray ?? new JArray());
            foreach (var parameter in parameters.Select(p => OpenApi.Deref(context.Document, p)).OfType<JObject>())
            {
                if (parameter["schema"] is not JObject schema || schema["$ref"] is not null || !seen.Add(schema)) continue;
                var type = schema["type"]?.Value<string>();
                if (type is "string" or "integer" or "number" or "boolean")
                {
                    if (!ObjectKeywords.Any(k => schema[k] is not null)) continue;
                    foreach (var keyword in ObjectKeywords) schema.Remove(keyword);
                }
                else if (type is null && parameter["in"]?.Value<string>() == "path" && schema["items"] is null)
                {
                    foreach (var keyword in ObjectKeywords) schema.Remove(keyword);
                    schema["type"] = "string";
                }
                else
                {
                    continue;
                }
                context.Count(Name);
            }
        }
    }
}
