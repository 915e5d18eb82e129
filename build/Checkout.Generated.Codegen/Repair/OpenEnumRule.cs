using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// Codegen policy, not a defect: the live API is newer than any spec, so a closed C# enum would throw on a value
/// the spec does not list. The known values move to <c>x-enum-values</c>: string ones become an extensible value type
/// in the shaping phase (<c>ValueTypeRule</c>); other primitives stay their type, the values listed in the description.
/// </summary>
internal sealed class OpenEnumRule : INormalisationRule
{
    public string Name => "enums opened to their primitive type (forward compatibility)";

    public void Apply(NormalisationContext context)
    {
        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (node["enum"] is not JArray values || pointer.Contains("/example", StringComparison.Ordinal)) continue;
            if (node["type"]?.Value<string>() is "object" or "array") continue;
            node.Remove("enum");
            node["x-enum-values"] = values;
            context.Count(Name);
            // Known string values become a value type in the shaping phase (ValueTypeRule), which lists them itself.
            if (values.All(v => v.Type is JTokenType.String or JTokenType.Null)) continue;
            var known = "Known values: " + string.Join(", ", values.Select(v => v.Type == JTokenType.String ? $"`{v}`" : v.ToString(Newtonsoft.Json.Formatting.None)));
            var description = node["description"]?.Value<string>();
            node["description"] = string.IsNullOrWhiteSpace(description) ? known : description.TrimEnd() + "\n\n" + known;
        }
    }
}
