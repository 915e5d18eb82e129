using System.Text;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Rules;

/// <summary>Helpers shared by the rules that make discriminators generate working subtypes.</summary>
internal static class Discriminators
{
    public const string SchemaPrefix = "#/components/schemas/";

    /// <summary>The component schema a mapping value names (<c>#/components/schemas/X</c> or a bare <c>X</c>), or null.</summary>
    public static string? SchemaName(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        if (!reference.StartsWith('#')) return reference.Contains('/') ? null : reference;
        if (!reference.StartsWith(SchemaPrefix, StringComparison.Ordinal)) return null;
        var token = reference[SchemaPrefix.Length..];
        return token.Contains('/') ? null : Uri.UnescapeDataString(token).Replace("~1", "/").Replace("~0", "~");
    }

    /// <summary>The component schema a mapping entry names, or null when its value is not a string naming one.</summary>
    public static string? Target(JProperty entry) => SchemaName(entry.Value.Type == JTokenType.String ? entry.Value.Value<string>() : null);

    public static string Reference(string schemaName) => SchemaPrefix + OpenApi.Escape(schemaName);

    /// <summary>The component schemas a schema extends directly (its <c>allOf</c> references).</summary>
    public static IEnumerable<string> Bases(JObject? schema) =>
        (schema?["allOf"] as JArray)?.OfType<JObject>().Select(s => SchemaName(s["$ref"]?.Value<string>())).OfType<string>() ?? [];

    /// <summary>Whether <paramref name="name"/> is <paramref name="ancestor"/> or extends it through <c>allOf</c> references.</summary>
    public static bool Extends(JObject schemas, string name, string ancestor)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([name]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current == ancestor) return true;
            if (!seen.Add(current)) continue;
            foreach (var b in Bases(schemas[current] as JObject)) pending.Push(b);
        }
        return false;
    }

    /// <summary>The discriminator property names of a schema and of every schema it extends (properties the inheritance converter reads).</summary>
    public static HashSet<string> PropertyNames(JObject schemas, string name)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([name]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current) || schemas[current] is not JObject schema) continue;
            if (schema["discriminator"]?["propertyName"]?.Value<string>() is { } property) names.Add(property);
            foreach (var b in Bases(schema)) pending.Push(b);
        }
        return names;
    }

    /// <summary>Whether the schema, or a schema it extends, has a discriminator.</summary>
    public static bool IsDiscriminated(JObject schemas, string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([name]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current) || schemas[current] is not JObject schema) continue;
            if (schema["discriminator"] is JObject) return true;
            foreach (var b in Bases(schema)) pending.Push(b);
        }
        return false;
    }
}
