using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// <c>additionalProperties: false</c> makes generators drop the <c>AdditionalProperties</c> bag, so a field the live API
/// added since the spec was published would be lost on read and on write. The restriction is removed.
/// </summary>
internal sealed class OpenObjectRule : INormalisationRule
{
    public string Name => "schemas closed with additionalProperties: false (opened: unknown fields are kept)";

    public void Apply(NormalisationContext context)
    {
        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (node["additionalProperties"] is not JValue { Type: JTokenType.Boolean } closed || closed.Value<bool>()) continue;
            if (pointer.Contains("/example", StringComparison.Ordinal)) continue;
            node.Remove("additionalProperties");
            context.Count(Name);
        }
    }
}
