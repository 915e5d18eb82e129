using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// Codegen policy: a property the spec requires in a request model carries C#'s <c>required</c> modifier, so leaving
/// out <c>Currency</c> is a compile error, not a 422. After <see cref="ResponseRequiredRule"/> only request-only schemas
/// keep <c>required</c>; each such schema lists its own required properties in <c>x-checkout-required-members</c>
/// (<c>|currency|amount|</c>, read by <c>Class.liquid</c>). A discriminator (of the schema or a base it extends) is never
/// listed: the inheritance converter writes it from the runtime type, and a subtype's caller cannot set it.
/// Runs after the <c>allOf</c> merges, so the lists are final.
/// </summary>
internal sealed class RequiredMemberRule : INormalisationRule
{
    public const string Extension = "x-checkout-required-members";

    public string Name => "required request properties (C# required members)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        foreach (var component in schemas.Properties())
        {
            if (component.Value is not JObject schema) continue;
            schema.Remove(Extension);
            if (schema["required"] is not JArray required || schema["properties"] is not JObject properties) continue;
            var discriminators = Rules.Discriminators.PropertyNames(schemas, component.Name);
            var members = required.Select(r => r.Value<string>()).OfType<string>().Distinct(StringComparer.Ordinal)
                .Where(n => properties[n] is JObject p && p["readOnly"]?.Value<bool>() != true && !discriminators.Contains(n))
                .ToList();
            if (members.Count == 0) continue;
            schema[Extension] = "|" + string.Join("|", members) + "|";
            context.Count(Name, members.Count);
        }
    }
}
