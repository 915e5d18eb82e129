using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// A <c>required</c> name that no property declares but that differs from one only by case or separator
/// (<c>processing-channels</c> for <c>processing_channels</c>) is a typo: required-field checks would demand a field
/// nobody can send, and the real field would stay optional. It is renamed to that property. Properties count
/// along the schema's <c>allOf</c> (its parts, their references, and for a part, its sibling parts); a name that
/// matches none is left alone, since a subtype may declare it.
/// </summary>
internal sealed class RequiredNameRule : INormalisationRule
{
    public string Name => "required names spelled unlike their property (renamed)";

    public void Apply(NormalisationContext context)
    {
        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (pointer.Contains("/example", StringComparison.Ordinal) || node["required"] is not JArray required) continue;
            if (required.Any(r => r.Type != JTokenType.String)) continue;
            var scope = new List<JObject> { node };
            if (node.Parent is JArray { Parent: JProperty { Name: "allOf", Parent: JObject holder } }) scope.Add(holder);
            var known = scope.SelectMany(s => Properties(context.Document, s, new HashSet<string>(StringComparer.Ordinal))).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in required.ToList())
            {
                var name = entry.Value<string>()!;
                if (known.Contains(name)) continue;
                var match = known.Where(k => Key(k) == Key(name)).ToList();
                if (match.Count != 1) continue;
                if (required.Any(r => r.Value<string>() == match[0])) entry.Remove();
                else entry.Replace(match[0]);
                context.Count(Name);
            }
        }
    }

    private static string Key(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static IEnumerable<string> Properties(JObject document, JObject schema, HashSet<string> seen)
    {
        if (schema["$ref"]?.Value<string>() is { } reference)
        {
            if (!seen.Add(reference) || OpenApi.Resolve(document, reference) is not JObject target) yield break;
            schema = target;
        }
        foreach (var p in (schema["properties"] as JObject)?.Properties() ?? []) yield return p.Name;
        foreach (var part in (schema["allOf"] as JArray)?.OfType<JObject>() ?? [])
        {
            foreach (var name in Properties(document, part, seen)) yield return name;
        }
    }
}
