using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>Finds required fields a request body lacks, as Checkout's error codes (<c>amount_required</c>, <c>source_number_required</c>).</summary>
internal static class RequiredFields
{
    public static List<string> Missing(SchemaReferences refs, JToken? schema, JToken? body)
    {
        var codes = new List<string>();
        Check(refs, schema, body, "", codes, 0);
        return codes.Distinct().ToList();
    }

    private static void Check(SchemaReferences refs, JToken? node, JToken? value, string prefix, List<string> codes, int depth)
    {
        if (depth > 12 || refs.Resolve(node) is not { } schema) return;
        if (value is JArray array)
        {
            foreach (var item in array) Check(refs, schema["items"], item, prefix, codes, depth + 1);
            return;
        }

        if (value is not JObject obj) return;
        foreach (var part in (schema["allOf"] as JArray) ?? new JArray()) Check(refs, part, obj, prefix, codes, depth + 1);
        if (schema["discriminator"] is JObject discriminator && (string?)obj[(string?)discriminator["propertyName"] ?? "type"] is { } kind
            && discriminator["mapping"]?[kind] is JValue target)
        {
            Check(refs, new JObject { ["$ref"] = target.DeepClone() }, obj, prefix, codes, depth + 1);
        }

        // Without a discriminator, the body is held to the oneOf/anyOf branch it matches best: first the branch that declares
        // the most of the body's fields (a payout's destination is no payment field), then the one it lacks fewest fields of.
        foreach (var key in new[] { "oneOf", "anyOf", "x-checkout-one-of" })
        {
            if (schema[key] is not JArray { Count: > 0 } branches || schema["discriminator"] is JObject) continue;
            var best = branches
                .Select(b => (Undeclared: Undeclared(refs, b, obj), Missing: Missing(refs, b, obj, prefix, depth)))
                .OrderBy(b => b.Undeclared).ThenBy(b => b.Missing.Count).First();
            codes.AddRange(best.Missing);
        }

        // An empty name (a defect some published specs have) names no property a body could carry.
        foreach (var name in (schema["required"] as JArray)?.Select(r => (string)r!).Where(n => n.Length > 0) ?? Enumerable.Empty<string>())
        {
            if (obj[name] is null || obj[name]!.Type == JTokenType.Null) codes.Add(prefix + name + "_required");
        }

        // A generated union's properties are its alternatives, not fields of the body.
        foreach (var property in schema["x-checkout-union"] is null ? (schema["properties"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>() : Enumerable.Empty<JProperty>())
        {
            if (obj[property.Name] is JContainer child) Check(refs, property.Value, child, prefix + property.Name + "_", codes, depth + 1);
        }
    }

    private static List<string> Missing(SchemaReferences refs, JToken branch, JObject body, string prefix, int depth)
    {
        var codes = new List<string>();
        Check(refs, branch, body, prefix, codes, depth + 1);
        return codes;
    }

    /// <summary>How many of the body's fields the branch does not declare (0 for a branch that declares none: it takes anything).</summary>
    private static int Undeclared(SchemaReferences refs, JToken branch, JObject body)
    {
        var declared = new HashSet<string>(System.StringComparer.Ordinal);
        Declared(refs, branch, declared, 0);
        return declared.Count == 0 ? 0 : body.Properties().Count(p => !declared.Contains(p.Name));
    }

    private static void Declared(SchemaReferences refs, JToken? node, HashSet<string> names, int depth)
    {
        if (depth > 12 || refs.Resolve(node) is not { } schema) return;
        foreach (var property in (schema["properties"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>()) names.Add(property.Name);
        foreach (var part in (schema["allOf"] as JArray) ?? new JArray()) Declared(refs, part, names, depth + 1);
    }
}
