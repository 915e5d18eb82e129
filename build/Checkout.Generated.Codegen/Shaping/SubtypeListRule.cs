using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Shaping;

/// <summary>
/// Codegen cost: NJsonSchema finds a discriminated base's subtypes by walking the whole document once per base (four
/// fifths of NSwag's time on Checkout.com's document). Each base lists them for the class template instead, as
/// NJsonSchema would find them: every component schema that extends it at any depth, with the value its mapping gives
/// that schema, else the schema's name. <c>x-checkout-subtypes</c> is <c>Type=value|Type=value</c>. A base the list
/// cannot describe gets none, and the template walks the document for it: a value containing <c>|</c>, or a schema
/// outside <c>components/schemas</c> that extends it (NJsonSchema would count that one too). Runs last: the schema
/// names are the type names by then.
/// </summary>
internal sealed class SubtypeListRule : INormalisationRule
{
    public const string Extension = "x-checkout-subtypes";

    public string Name => "discriminated bases (their subtypes listed for the class template)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        var extendedInline = ExtendedOutsideComponents(context.Document);
        foreach (var baseSchema in schemas.Properties())
        {
            if (baseSchema.Value is not JObject schema || schema["discriminator"] is not JObject discriminator) continue;
            schema.Remove(Extension);
            if (extendedInline.Contains(baseSchema.Name)) continue;
            var values = ValuesByTarget(discriminator);
            var entries = new List<string>();
            foreach (var candidate in schemas.Properties())
            {
                if (candidate.Name == baseSchema.Name || candidate.Value is not JObject subtype || IsAbstract(subtype)) continue;
                if (!Discriminators.Extends(schemas, candidate.Name, baseSchema.Name)) continue;
                entries.Add($"{candidate.Name}={values.GetValueOrDefault(candidate.Name, candidate.Name)}");
            }
            if (entries.Any(e => e.Contains('|', StringComparison.Ordinal))) continue;
            schema[Extension] = string.Join("|", entries);
            context.Count(Name);
        }
    }

    /// <summary>The component schemas that a schema outside <c>components/schemas</c> extends through <c>allOf</c>.</summary>
    private static HashSet<string> ExtendedOutsideComponents(JObject document)
    {
        var extended = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (pointer, node) in OpenApi.Objects(document))
        {
            if (node["allOf"] is not JArray || OpenApi.IsComponentSchema(pointer)) continue;
            extended.UnionWith(Discriminators.Bases(node));
        }
        return extended;
    }

    private static bool IsAbstract(JObject schema) => schema["x-abstract"] is JValue { Type: JTokenType.Boolean } flag && flag.Value<bool>();

    /// <summary>The mapping's value for each schema it names (NJsonSchema takes the one mapping entry that names it).</summary>
    private static Dictionary<string, string> ValuesByTarget(JObject discriminator)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (discriminator["mapping"] is not JObject mapping) return values;
        foreach (var entry in mapping.Properties())
        {
            if (Discriminators.Target(entry) is { } target)
            {
                values.TryAdd(target, entry.Name);
            }
        }
        return values;
    }
}
