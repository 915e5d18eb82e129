using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// A discriminator mapping that sends several values to one schema (eight wallets → one Alipay+ source) cannot
/// become one class per value. Each value after the first gets its own schema that extends the shared one
/// (<c>PaymentRequestAlipayPlusSource</c> + <c>gcash</c> → <c>PaymentRequestAlipayPlusSourceGcash</c>), so every
/// value still reads into a distinct type and writes back with its own discriminator.
/// </summary>
internal sealed class SharedDiscriminatorTargetRule : INormalisationRule
{
    public string Name => "discriminator values sharing one schema (given a subtype each)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        foreach (var (_, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (node["discriminator"]?["mapping"] is not JObject mapping) continue;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in mapping.Properties().ToList())
            {
                var target = entry.Value.Value<string>();
                if (target is null || seen.Add(target)) continue;
                var baseName = target.Split('/')[^1];
                var name = Names.FreeSchemaName(schemas, baseName + Names.Pascal(entry.Name));
                // "type": "object" keeps generators from reading a lone allOf as a mere reference to the shared schema.
                schemas[name] = new JObject
                {
                    ["type"] = "object",
                    [Origin.Extension] = new JObject { ["owner"] = Origin.Schema(baseName), ["role"] = Names.Pascal(entry.Name) },
                    ["allOf"] = new JArray(new JObject { ["$ref"] = target }),
                    ["description"] = $"`{entry.Name}`: {schemas[baseName]?["description"]?.Value<string>() ?? baseName}",
                };
                entry.Value = "#/components/schemas/" + OpenApi.Escape(name);
                context.Count(Name);
            }
        }
    }
}
