using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// Path parameters must match the path template one to one. A declared parameter that is not in the template is
/// renamed to the template variable it matches ignoring case (<c>Id</c> for <c>{id}</c>), or removed when it
/// matches none; a template variable declared as a query or header parameter of that name becomes the path parameter,
/// and one that no parameter declares gets a required string parameter.
/// </summary>
internal sealed class PathParameterRule : INormalisationRule
{
    public string Name => "path parameters that do not match the path template";

    public void Apply(NormalisationContext context)
    {
        foreach (var (path, _, operation) in context.Operations().ToList())
        {
            var item = (JObject)context.Paths[path]!;
            var variables = OpenApi.TemplateVariables(operation["x-checkout-path"]?.Value<string>() ?? path);
            if (operation["parameters"] is not JArray own) operation["parameters"] = own = new JArray();

            // Inherit path-level path parameters so each operation can be checked and fixed on its own.
            if (item["parameters"] is JArray shared)
            {
                foreach (var p in shared)
                {
                    var resolved = OpenApi.Deref(context.Document, p);
                    if (resolved?["in"]?.Value<string>() != "path") continue;
                    var name = resolved["name"]?.Value<string>();
                    if (own.Any(o => OpenApi.Deref(context.Document, o)?["name"]?.Value<string>() == name)) continue;
                    own.Add(p.DeepClone());
                }
            }

            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var p in own.ToList())
            {
                var resolved = OpenApi.Deref(context.Document, p);
                if (resolved?["in"]?.Value<string>() != "path") continue;
                var name = resolved["name"]?.Value<string>() ?? "";
                if (variables.Contains(name)) { declared.Add(name); continue; }

                var match = variables.FirstOrDefault(v => string.Equals(v, name, StringComparison.OrdinalIgnoreCase) && !declared.Contains(v));
                if (match is not null)
                {
                    var copy = (JObject)resolved.DeepClone();
                    copy["name"] = match;
                    p.Replace(copy);
                    declared.Add(match);
                }
                else p.Remove();
                context.Count(Name);
            }

            foreach (var missing in variables.Where(v => !declared.Contains(v)))
            {
                // A query or header parameter named like the variable is that path parameter declared in the wrong place.
                var misplaced = own.FirstOrDefault(o => OpenApi.Deref(context.Document, o) is { } r && r["in"]?.Value<string>() is "query" or "header"
                                                        && string.Equals(r["name"]?.Value<string>(), missing, StringComparison.OrdinalIgnoreCase));
                if (misplaced is not null)
                {
                    var moved = (JObject)OpenApi.Deref(context.Document, misplaced)!.DeepClone();
                    moved["name"] = missing;
                    moved["in"] = "path";
                    moved["required"] = true;
                    misplaced.Replace(moved);
                    context.Count(Name);
                    continue;
                }
                own.Add(new JObject
                {
                    ["name"] = missing, ["in"] = "path", ["required"] = true, ["schema"] = new JObject { ["type"] = "string" },
                });
                context.Count(Name);
            }
        }
        // Path-level path parameters were copied into each operation above.
        foreach (var item in context.Paths.Properties().Select(p => p.Value).OfType<JObject>())
        {
            if (item["parameters"] is not JArray shared) continue;
            foreach (var p in shared.ToList())
            {
                if (OpenApi.Deref(context.Document, p)?["in"]?.Value<string>() == "path") p.Remove();
            }
            if (shared.Count == 0) item.Remove("parameters");
        }
    }
}
