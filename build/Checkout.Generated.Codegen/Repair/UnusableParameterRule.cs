using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// A parameter without <c>name</c> or <c>in</c> cannot be sent anywhere: it is removed, with every
/// <c>$ref</c> to it, rather than guessed.
/// </summary>
internal sealed class UnusableParameterRule : INormalisationRule
{
    public string Name => "parameters without name or in (removed)";

    public void Apply(NormalisationContext context)
    {
        var removedRefs = new HashSet<string>(StringComparer.Ordinal);
        if (context.Document["components"]?["parameters"] is JObject shared)
        {
            foreach (var p in shared.Properties().ToList())
            {
                if (p.Value is JObject o && IsUsable(o)) continue;
                removedRefs.Add("#/components/parameters/" + OpenApi.Escape(p.Name));
                p.Remove();
                context.Count(Name);
            }
        }

        foreach (var (_, node) in OpenApi.Objects(context.Paths, "/paths").ToList())
        {
            if (node["parameters"] is not JArray list) continue;
            foreach (var item in list.ToList())
            {
                if (item is JObject o && o["$ref"]?.Value<string>() is { } r)
                {
                    if (removedRefs.Contains(r)) item.Remove();
                }
                else if (item is not JObject p || !IsUsable(p))
                {
                    item.Remove();
                    context.Count(Name);
                }
            }
        }
    }

    private static bool IsUsable(JObject parameter) =>
        parameter["$ref"] is not null ||
        (!string.IsNullOrEmpty(parameter["name"]?.Value<string>()) && !string.IsNullOrEmpty(parameter["in"]?.Value<string>()));
}
