using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>A property (or items) schema that is <c>null</c> means "anything": it becomes <c>{}</c>.</summary>
internal sealed class NullSchemaRule : INormalisationRule
{
    public string Name => "null schemas (made {})";

    public void Apply(NormalisationContext context)
    {
        foreach (var (_, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (node["properties"] is JObject properties)
            {
                foreach (var p in properties.Properties())
                {
                    if (p.Value.Type != JTokenType.Null) continue;
                    p.Value = new JObject();
                    context.Count(Name);
                }
            }
            foreach (var key in new[] { "items", "additionalProperties" })
            {
                if (node.Property(key) is { Value.Type: JTokenType.Null } prop)
                {
                    prop.Value = new JObject();
                    context.Count(Name);
                }
            }
        }
    }
}
