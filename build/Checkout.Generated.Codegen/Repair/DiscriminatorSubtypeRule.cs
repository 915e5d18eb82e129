using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// A discriminator maps values to subtypes, but generators only give a value to a schema that extends the base through
/// <c>allOf</c>. A mapped schema that does not extend its base is made to: in place when this base is the only one that
/// maps it and it extends nothing else; otherwise (it has another base, several bases map it, or it is the base
/// itself) through a new schema per value (<c>RiskPaymentRequestSource</c> + <c>token</c> →
/// <c>RiskPaymentRequestSourceToken</c>) that extends the base and takes the mapped schema's properties.
/// </summary>
internal sealed class DiscriminatorSubtypeRule : INormalisationRule
{
    public string Name => "discriminator mappings to schemas that do not extend the base (made subtypes)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        var broken = new List<(string Base, JProperty Entry, string Target)>();
        foreach (var schema in schemas.Properties().ToList())
        {
            if (schema.Value["discriminator"]?["mapping"] is not JObject mapping) continue;
            foreach (var entry in mapping.Properties())
            {
                // DanglingMappingRule has removed mappings to schemas that do not exist.
                var target = Discriminators.Target(entry);
                if (target is null || schemas[target] is not JObject) continue;
                if (target == schema.Name || !Discriminators.Extends(schemas, target, schema.Name)) broken.Add((schema.Name, entry, target));
            }
        }

        var basesPerTarget = broken.GroupBy(b => b.Target, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(b => b.Base).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        foreach (var (baseName, entry, target) in broken)
        {
            var targetSchema = (JObject)schemas[target]!;
            var inPlace = target != baseName && basesPerTarget[target] == 1 && !Discriminators.Bases(targetSchema).Any()
                          && !Discriminators.Extends(schemas, baseName, target) && targetSchema["oneOf"] is null && targetSchema["anyOf"] is null;
            if (inPlace)
            {
                if (targetSchema["allOf"] is not JArray allOf) targetSchema["allOf"] = allOf = new JArray();
                if (!Discriminators.Bases(targetSchema).Contains(baseName)) allOf.Insert(0, new JObject { ["$ref"] = Discriminators.Reference(baseName) });
                targetSchema["type"] ??= "object";
            }
            else
            {
                var name = Names.FreeSchemaName(schemas, baseName + Names.Pascal(entry.Name));
                var parts = new JArray(new JObject { ["$ref"] = Discriminators.Reference(baseName) });
                if (target != baseName) parts.Add(new JObject { ["$ref"] = Discriminators.Reference(target) });
                // "type": "object" keeps generators from reading a lone allOf as a mere reference to the base.
                schemas[name] = new JObject
                {
                    ["type"] = "object",
                    [Origin.Extension] = new JObject { ["owner"] = Origin.Schema(baseName), ["role"] = Names.Pascal(entry.Name) },
                    ["allOf"] = parts,
                    ["description"] = $"`{entry.Name}`: {targetSchema["description"]?.Value<string>() ?? target}",
                };
                entry.Value = Discriminators.Reference(name);
            }
            context.Count(Name);
        }
    }
}
