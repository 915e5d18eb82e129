using Newtonsoft.Json.Linq;

using Checkout.Generated.Codegen.Rules;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// Checkout.com's current platform serves each account on hosts of its own (<c>{prefix}.api…</c>,
/// <c>{prefix}.access…</c>), but its document-level servers lack the prefix. The platform is the one whose documents
/// declare OAuth client credentials (its access keys) or a <c>{prefix}</c> server variable; such a document is marked
/// <c>x-checkout-account-hosts: true</c>. The previous platform's documents (API keys only, shared hosts) are marked
/// <c>false</c>, so the client composes the hosts each platform really has.
/// </summary>
internal sealed class AccountHostRule : INormalisationRule
{
    public const string Extension = "x-checkout-account-hosts";

    public string Name => "documents whose servers lack the account prefix (marked x-checkout-account-hosts)";

    public void Apply(NormalisationContext context)
    {
        var accountHosts = DeclaresClientCredentials(context.Document) || HasPrefixVariable(context.Document);
        context.Document[Extension] = accountHosts;
        if (accountHosts) context.Count(Name);
    }

    private static bool DeclaresClientCredentials(JObject document) =>
        (document["components"]?["securitySchemes"] as JObject)?.Properties().Select(p => p.Value).OfType<JObject>()
            .Any(s => s["type"]?.Value<string>() == "oauth2" && s["flows"]?["clientCredentials"] is JObject) ?? false;

    private static bool HasPrefixVariable(JObject document) =>
        document.SelectTokens("$..servers[*].url").Any(url => url.Value<string>()?.Contains("{prefix}", StringComparison.Ordinal) == true);
}
