using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Shaping;

/// <summary>
/// Codegen policy: an operation's first tag names its client, so tags become PascalCase identifiers
/// (<c>Apple Pay</c> → <c>ApplePay</c>, giving <c>ApplePayClient</c> rather than <c>Apple_PayClient</c>).
/// </summary>
internal sealed class TagNameRule : INormalisationRule
{
    public string Name => "tags that are not identifiers (made PascalCase)";

    public void Apply(NormalisationContext context)
    {
        foreach (var (_, _, operation) in context.Operations())
        {
            if (operation["tags"] is not JArray tags) continue;
            foreach (var tag in tags.OfType<JValue>().ToList())
            {
                var text = tag.Value<string>() ?? "";
                var identifier = Names.Identifier(text);
                if (identifier == text) continue;
                tag.Value = identifier;
                context.Count(Name);
            }
        }
        if (context.Document["tags"] is JArray declared)
        {
            foreach (var tag in declared.OfType<JObject>())
            {
                if (tag["name"]?.Value<string>() is { } name) tag["name"] = Names.Identifier(name);
            }
        }
    }
}
