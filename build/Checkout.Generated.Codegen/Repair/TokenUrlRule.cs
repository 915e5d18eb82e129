using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// An OAuth flow's <c>tokenUrl</c> must be a URL. A placeholder (<c>"string"</c>) is replaced by the URL of the
/// document's own token operation (a path ending in <c>/token</c>, on its server).
/// </summary>
internal sealed class TokenUrlRule : INormalisationRule
{
    public string Name => "OAuth tokenUrl that is not a URL";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["securitySchemes"] is not JObject schemes) return;
        foreach (var (pointer, node) in OpenApi.Objects(schemes, "/components/securitySchemes").ToList())
        {
            var url = node["tokenUrl"]?.Value<string>();
            if (url is null || Uri.TryCreate(url, UriKind.Absolute, out _)) continue;
            var replacement = TokenOperationUrl(context);
            if (replacement is null)
            {
                context.Fail(pointer + "/tokenUrl", $"'{url}' is not a URL and the document has no token operation to take one from");
                continue;
            }
            node["tokenUrl"] = replacement;
            context.Count(Name);
        }
    }

    private static string? TokenOperationUrl(NormalisationContext context)
    {
        foreach (var path in context.Paths.Properties())
        {
            if (!path.Name.EndsWith("/token", StringComparison.Ordinal) || path.Value is not JObject item) continue;
            var server = (item["post"]?["servers"] ?? item["servers"] ?? context.Document["servers"])?[0]?["url"]?.Value<string>();
            if (server is not null && Uri.TryCreate(server, UriKind.Absolute, out var origin)) return new Uri(origin, path.Name).ToString();
        }
        return null;
    }
}
