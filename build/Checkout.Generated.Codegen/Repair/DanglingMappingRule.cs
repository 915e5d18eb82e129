using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// A discriminator mapping value that names no schema in <c>components/schemas</c> (the 2022-07-06 release maps
/// <c>wechatpay</c> to a schema it does not define) is removed: the value then reads into the base type and is kept
/// as an unknown discriminator value.
/// </summary>
internal sealed class DanglingMappingRule : INormalisationRule
{
    public string Name => "discriminator mappings to schemas that do not exist (removed)";

    public void Apply(NormalisationContext context)
    {
        var schemas = context.Document["components"]?["schemas"] as JObject ?? new JObject();
        foreach (var (_, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (node["discriminator"]?["mapping"] is not JObject mapping) continue;
            foreach (var entry in mapping.Properties().ToList())
            {
                var target = Discriminators.Target(entry);
                if (target is not null && schemas[target] is JObject) continue;
                entry.Remove();
                context.Count(Name);
            }
        }
    }
}
