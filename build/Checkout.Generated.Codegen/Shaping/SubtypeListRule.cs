using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Shaping;

/// <summary>
/// Codegen cost: NJsonSchema finds a discriminated base's subtypes by walking the whole document once per base (four
/// fifths of NSwag's time on Checkout.com's document). Each base lists them for the class template instead, as
/// NJsonSchema would find them: every component schema that extends it at any depth, with the value its mapping gives
/// that schema, else the schema's name. <c>x-checkout-subtypes</c> is <c>Type=value|Type=value</c>; a base with a
/// value the list cannot carry (one containing <c>|</c>) gets none, and the template walks the document for it.
/// Runs last: the schema names are the type names by then.
/// </summary>
internal sealed class SubtypeListRule : INormalisationRule
{
    public const string Extension = "x-checkout-subtypes";

    public string Name => "discriminated bases (their subtypes listed for the class template)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        foreach (var baseSchema in schemas.Properties())
        {
            if (baseSchema.Value is not JObject schema || schema["discriminator"] is not JObject discriminator) continue;
            var values = ValuesByTarget(discriminator);
            var entries = new List<string>();
            foreach (var candidate in schemas.Properties())
            {
                if (candidate.Name == baseSchema.Name || candidate.Value["x-abstract"]?.Type == JTokenType.Boolean && candidate.Value.Value<bool>("x-abstract")) continue;
                if (!Discriminators.Extends(schemas, candidate.Name, baseSchema.Name)) continue;
                entries.Add($"{candidate.Name}={values.GetValueOrDefault(candidate.Name, candidate.Name)}");
            }
            schema.Remove(Extension);
            if (entries.Any(e => e.Contains('|', StringComparison.Ordinal))) continue;
            schema[Extension] = string.Join("|", entries);
            context.Count(Name);
        }
    }

    /// <summary>The mapping's value for each schema it names (NJsonSchema takes the one mapping entry that names it).</summary>
    private static Dictionary<string, string> ValuesByTarget(JObject discriminator)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (discriminator["mapping"] is not JObject mapping) return values;
        foreach (var entry in mapping.Properties())
        {
            if (Discriminators.SchemaName(entry.Value.Type == JTokenType.String ? entry.Value.Value<string>() : null) is { } target)
            {
                values.TryAdd(target, entry.Name);
            }
        }
        return values;
    }
}
