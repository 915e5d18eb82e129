using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// An operation without <c>security</c> in a document without a default one declares no credential at all, so the
/// client would send none and the API answers 401 (2023-07-12: every Issuing operation). The operation gets the
/// requirements most operations of the document declare, with OAuth scopes left empty (the document does not say
/// which; the token then carries every scope granted). An explicit <c>security: []</c> (public) and the OAuth token
/// operation itself (the path of a flow's <c>tokenUrl</c>, authenticated by its own body) are left alone.
/// </summary>
internal sealed class MissingSecurityRule : INormalisationRule
{
    public string Name => "operations declaring no security (given the document's usual requirements)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["security"] is JArray) return;
        var declared = context.Operations().Select(o => o.Operation["security"]).OfType<JArray>().Where(s => s.Count > 0).ToList();
        var usual = declared.GroupBy(s => s.ToString(Newtonsoft.Json.Formatting.None)).OrderByDescending(g => g.Count()).FirstOrDefault()?.First();
        if (usual is null) return;
        var schemes = context.Document["components"]?["securitySchemes"] as JObject;
        var tokenPaths = TokenPaths(schemes);
        foreach (var (path, _, operation) in context.Operations())
        {
            if (operation["security"] is not null || tokenPaths.Contains(operation["x-checkout-path"]?.Value<string>() ?? path)) continue;
            var security = new JArray();
            foreach (var requirement in usual.OfType<JObject>())
            {
                security.Add(new JObject(requirement.Properties().Select(p =>
                    new JProperty(p.Name, schemes?[p.Name]?["type"]?.Value<string>() == "oauth2" ? new JArray() : p.Value.DeepClone()))));
            }
            operation["security"] = security;
            context.Count(Name);
        }
    }

    /// <summary>The paths of the OAuth flows' token URLs (<c>https://{prefix}.access.checkout.com/connect/token</c> → <c>/connect/token</c>).</summary>
    private static HashSet<string> TokenPaths(JObject? schemes)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, node) in schemes is null ? [] : OpenApi.Objects(schemes))
        {
            if (node["tokenUrl"]?.Value<string>() is not { } url) continue;
            var scheme = url.IndexOf("://", StringComparison.Ordinal);
            var slash = url.IndexOf('/', scheme < 0 ? 0 : scheme + 3);
            if (slash >= 0) paths.Add(url[slash..].Split('?')[0]);
        }
        return paths;
    }
}
