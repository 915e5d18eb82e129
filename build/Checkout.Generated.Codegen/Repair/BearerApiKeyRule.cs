using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

using Checkout.Generated.Codegen.Rules;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// Checkout.com's current platform declares its API keys as <c>apiKey</c> schemes in the <c>Authorization</c> header
/// while its text says the key must carry the <c>Bearer</c> prefix; taken as declared, the key would be sent as it is
/// and refused. Such a scheme becomes the <c>http</c> <c>bearer</c> scheme its text describes (its other fields kept).
/// An <c>apiKey</c> scheme whose text documents no prefix (the previous platform's keys, a 3DS session secret) is sent
/// as it is, as declared.
/// </summary>
internal sealed class BearerApiKeyRule : INormalisationRule
{
    private static readonly Regex BearerPrefix = new(@"`Bearer\s*`\s*prefix|include the\s+`?Bearer`?|`Bearer \{", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public string Name => "API-key schemes whose text requires the Bearer prefix (made http bearer)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["securitySchemes"] is not JObject schemes) return;
        foreach (var scheme in schemes.Properties().Select(p => p.Value).OfType<JObject>())
        {
            if (scheme["type"]?.Value<string>() != "apiKey" || scheme["in"]?.Value<string>() != "header") continue;
            if (!string.Equals(scheme["name"]?.Value<string>(), "Authorization", StringComparison.OrdinalIgnoreCase)) continue;
            if (!BearerPrefix.IsMatch(scheme["description"]?.Value<string>() ?? "")) continue;
            scheme["type"] = "http";
            scheme["scheme"] = "bearer";
            scheme.Remove("in");
            scheme.Remove("name");
            context.Count(Name);
        }
    }

    /// <summary>Whether a (normalised) scheme's credential is sent as <c>Authorization: Bearer …</c>.</summary>
    public static bool IsBearer(JObject? scheme) =>
        scheme?["type"]?.Value<string>() is "oauth2" or "openIdConnect"
        || (scheme?["type"]?.Value<string>() == "http" && string.Equals(scheme["scheme"]?.Value<string>(), "bearer", StringComparison.OrdinalIgnoreCase));
}
