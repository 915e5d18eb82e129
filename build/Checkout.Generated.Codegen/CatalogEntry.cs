using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen;

/// <summary>What the run-time layer needs to know about one operation of a normalised document.</summary>
internal sealed record CatalogEntry(
    string Id, string Method, string Path, string Host, string Tag,
    IReadOnlyList<string> Schemes, IReadOnlyList<string> Credentials, IReadOnlyList<string> Scopes, string? IdempotencyKeyHeader = null, bool StreamsBody = false)
{
    /// <summary>Reads the catalog from a normalised document (one entry per operation, in document order).</summary>
    public static IReadOnlyList<CatalogEntry> Read(NormalisationContext context)
    {
        var schemes = context.Document["components"]?["securitySchemes"] as JObject ?? new JObject();
        var defaultSecurity = context.Document["security"] as JArray;
        var entries = new List<CatalogEntry>();
        foreach (var (path, method, op) in context.Operations())
        {
            var security = op["security"] as JArray ?? defaultSecurity ?? new JArray();
            var names = new List<string>();
            var scopes = new List<string>();
            foreach (var requirement in security.OfType<JObject>())
            {
                foreach (var scheme in requirement.Properties())
                {
                    if (!names.Contains(scheme.Name)) names.Add(scheme.Name);
                    if (schemes[scheme.Name]?["type"]?.Value<string>() != "oauth2") continue;
                    foreach (var scope in scheme.Value.Values<string>())
                    {
                        if (scope is not null && !scopes.Contains(scope)) scopes.Add(scope);
                    }
                }
            }
            entries.Add(new CatalogEntry(
                op["operationId"]!.Value<string>()!,
                method.ToUpperInvariant(),
                op["x-checkout-path"]?.Value<string>() ?? path,
                op[Repair.HostRule.Extension]?.Value<string>() ?? "api",
                (op["tags"] as JArray)?.FirstOrDefault()?.Value<string>() ?? "Default",
                names,
                names.Select(n => CredentialKind(n, schemes[n] as JObject)).Distinct().ToList(),
                scopes,
                IdempotencyHeader(context, context.Paths[path] as JObject, op),
                op["x-checkout-result"]?.Value<string>() is "file" or "location"));
        }
        return entries;
    }

    /// <summary>
    /// The name of the idempotency-key header parameter the operation (or its path) declares, e.g. <c>Cko-Idempotency-Key</c>;
    /// null when it declares none. Parameters given as <c>$ref</c> to <c>#/components/parameters/…</c> are followed.
    /// </summary>
    internal static string? IdempotencyHeader(NormalisationContext context, JObject? pathItem, JObject operation)
    {
        var declared = (operation["parameters"] as JArray ?? new JArray()).Concat(pathItem?["parameters"] as JArray ?? new JArray());
        foreach (var parameter in declared.OfType<JObject>())
        {
            var resolved = parameter;
            if (parameter["$ref"]?.Value<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal))
                resolved = context.Document.SelectToken(JsonPointerPath(reference)) as JObject ?? parameter;
            var name = resolved["name"]?.Value<string>();
            if (resolved["in"]?.Value<string>() == "header" && name is not null
                && name.Replace("-", "").Replace("_", "").EndsWith("idempotencykey", StringComparison.OrdinalIgnoreCase))
                return name;
        }
        return null;
    }

    private static string JsonPointerPath(string reference) =>
        "$" + string.Concat(reference.Substring(2).Split('/').Select(p => "['" + p.Replace("~1", "/").Replace("~0", "~").Replace("'", "\\'") + "']"));

    /// <summary>The API-key credential kinds (<c>SecretKey</c>, <c>PublicKey</c>) the document sends as <c>Bearer</c> (<see cref="Repair.BearerApiKeyRule"/>).</summary>
    public static IReadOnlyList<string> BearerKeyKinds(JObject document)
    {
        var schemes = document["components"]?["securitySchemes"] as JObject ?? new JObject();
        return schemes.Properties()
            .Select(p => (Kind: CredentialKind(p.Name, p.Value as JObject), Bearer: Repair.BearerApiKeyRule.IsBearer(p.Value as JObject)))
            .Where(k => k.Bearer && k.Kind is "SecretKey" or "PublicKey")
            .Select(k => k.Kind).Distinct().ToList();
    }

    /// <summary>
    /// Which kind of credential a security scheme takes: <c>OAuth</c>, <c>SecretKey</c>, <c>PublicKey</c> or <c>Other</c>.
    /// Checkout.com marks API-key schemes with <c>x-cko-type</c>; the scheme name is the fallback.
    /// </summary>
    internal static string CredentialKind(string name, JObject? scheme)
    {
        if (scheme?["type"]?.Value<string>() == "oauth2") return "OAuth";
        var marker = scheme?["x-cko-type"]?.Value<string>() ?? name;
        if (marker.Contains("secret", StringComparison.OrdinalIgnoreCase) && !name.Contains("session", StringComparison.OrdinalIgnoreCase)) return "SecretKey";
        if (marker.Contains("public", StringComparison.OrdinalIgnoreCase)) return "PublicKey";
        return "Other";
    }
}
