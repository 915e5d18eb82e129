using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// Checkout.com puts some operations on other hosts through path- or operation-level <c>servers</c>, and its
/// document-level servers lack the account prefix. Each operation gets its host kind in <c>x-checkout-host</c>
/// (the first label of its server's host name, <c>sandbox</c> aside: <c>api</c>, <c>access</c>, <c>files</c>, …),
/// and the servers are removed: the client composes account URLs at run time.
/// </summary>
internal sealed class HostRule : INormalisationRule
{
    public const string Extension = "x-checkout-host";

    public string Name => "operations on a host other than the document's (recorded in x-checkout-host)";

    public void Apply(NormalisationContext context)
    {
        var documentHost = HostKind(context.Document["servers"]?[0]?["url"]?.Value<string>()) ?? "api";
        foreach (var (path, _, operation) in context.Operations().ToList())
        {
            var item = (JObject)context.Paths[path]!;
            var url = (operation["servers"] ?? item["servers"])?[0]?["url"]?.Value<string>();
            var host = HostKind(url) ?? documentHost;
            operation[Extension] = host;
            operation.Remove("servers");
            if (host != documentHost) context.Count(Name);
        }
        foreach (var item in context.Paths.Properties().Select(p => p.Value).OfType<JObject>()) item.Remove("servers");
    }

    /// <summary><c>https://{prefix}.balances.sandbox.checkout.com/x</c> → <c>balances</c>; null for a relative or empty URL.</summary>
    internal static string? HostKind(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Replace("{", "").Replace("}", ""), UriKind.Absolute, out var uri)) return null;
        var labels = uri.Host.Split('.');
        // Labels before the registrable domain: drop the environment label and a leading account prefix variable.
        var meaningful = labels.Take(Math.Max(labels.Length - 2, 0)).Where(l => l != "sandbox" && !url.Contains("{" + l + "}")).ToList();
        return meaningful.Count == 0 ? null : meaningful[^1];
    }
}
