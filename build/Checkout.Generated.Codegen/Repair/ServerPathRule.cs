using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// An operation-level or path-level server whose URL carries a path (<c>https://files.checkout.com/files/{file_id}</c>
/// under the path <c>/</c>) is split: the host stays a server, the path moves into the operation's path.
/// When another operation already owns that method and path on another host, the operation keeps a distinct key
/// naming its host (<c>/files#files</c>: a key only, never a URL) and records its real path in <c>x-checkout-path</c>,
/// which is what the catalog and the clients build URLs from.
/// </summary>
internal sealed class ServerPathRule : INormalisationRule
{
    public string Name => "servers carrying a path (moved into the operation path)";

    public void Apply(NormalisationContext context)
    {
        foreach (var (path, method, operation) in context.Operations().ToList())
        {
            var item = (JObject)context.Paths[path]!;
            var servers = operation["servers"] as JArray ?? item["servers"] as JArray;
            if (servers is null || servers.Count == 0) continue;
            var serverPath = Split(servers[0]?["url"]?.Value<string>()).Path;
            if (serverPath.Length == 0) continue;

            var target = Combine(serverPath, path);
            foreach (var s in servers.OfType<JObject>()) s["url"] = Split(s["url"]?.Value<string>()).Origin;
            if (operation["servers"] is null) operation["servers"] = new JArray(servers.Select(s => s.DeepClone()));

            // Path-level parameters travel with the operation.
            if (item["parameters"] is JArray shared)
            {
                if (operation["parameters"] is not JArray own) operation["parameters"] = own = new JArray();
                foreach (var p in shared) own.Add(p.DeepClone());
            }
            operation.Parent!.Remove();
            if (!item.Properties().Any(p => OpenApi.Methods.Contains(p.Name))) item.Parent!.Remove();

            // Another operation may own this method and path on another host: then the key names the host after '#'.
            // It is only a key (no URL is built from it): the catalog and the clients read the real path, x-checkout-path.
            var key = target;
            if (Taken(context, key, method)) key = target + "#" + HostLabel(servers[0]?["url"]?.Value<string>());
            while (Taken(context, key, method)) key += "#";
            if (context.Paths[key] is not JObject destination) context.Paths[key] = destination = new JObject();
            if (key != target) operation["x-checkout-path"] = target;
            destination[method] = operation;
            context.Count(Name);
        }
    }

    private static bool Taken(NormalisationContext context, string key, string method) =>
        context.Paths[key] is JObject existing && existing[method] is not null;

    /// <summary>The first label of a server's host (<c>files</c> in <c>https://files.checkout.com</c>).</summary>
    private static string HostLabel(string? url)
    {
        var origin = Split(url).Origin;
        var start = origin.IndexOf("://", StringComparison.Ordinal);
        var host = start < 0 ? origin : origin[(start + 3)..];
        var dot = host.IndexOf('.');
        return dot < 0 ? host : host[..dot];
    }

    /// <summary>Splits a server URL into its origin and its path (without a trailing slash).</summary>
    internal static (string Origin, string Path) Split(string? url)
    {
        if (string.IsNullOrEmpty(url)) return ("", "");
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var pathStart = schemeEnd < 0 ? url.IndexOf('/') : url.IndexOf('/', schemeEnd + 3);
        if (pathStart < 0) return (url, "");
        return (url[..pathStart], url[pathStart..].TrimEnd('/'));
    }

    private static string Combine(string serverPath, string path) =>
        path == "/" ? serverPath : serverPath + "/" + path.TrimStart('/');
}
