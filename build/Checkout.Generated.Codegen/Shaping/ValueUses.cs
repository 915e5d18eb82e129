using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Shaping;

/// <summary>
/// One place that carries a set of known string values: a property or its array items (owner: the schema's final
/// name), a parameter (owner: its client, singular), or a string component of its own (<see cref="Component"/>).
/// </summary>
/// <param name="Key">The value set, order-independent: uses with equal keys share one value type.</param>
/// <param name="Values">The values in the order the spec lists them.</param>
/// <param name="Node">The schema node to replace by a reference.</param>
/// <param name="Owner">Who uses it (a type name, or a client's singular for a parameter).</param>
/// <param name="Role">The property or parameter as an identifier, singular for array items.</param>
/// <param name="Place">How the docs name it (<c>PaymentRequest.payment_type</c>).</param>
/// <param name="Component">The component's name when the spec named the value set itself.</param>
internal sealed record ValueUse(string Key, IReadOnlyList<string> Values, JObject Node, string Owner, string Role, string Place, string? Component);

/// <summary>Finds the <see cref="ValueUse"/>s of a document whose component schemas have their final names.</summary>
internal static class ValueUses
{
    public static List<ValueUse> Find(JObject document, JObject schemas)
    {
        var uses = new List<ValueUse>();
        foreach (var component in schemas.Properties())
        {
            if (component.Value is not JObject schema) continue;
            if (schema["properties"] is null && Values(schema) is { } own)
            {
                uses.Add(new(Key(own), own, schema, component.Name, component.Name, component.Name, component.Name));
                continue;
            }
            if (schema["type"]?.Value<string>() == "array" && schema["items"] is JObject listed && Values(listed) is { } items)
            {
                // A list of known values named by the spec (EntityRoles): its items are the singular (EntityRole).
                uses.Add(new(Key(items), items, listed, "", NamingAuthority.Singular(component.Name), component.Name, null));
                continue;
            }
            var discriminators = Discriminators.PropertyNames(schemas, component.Name);
            foreach (var part in Parts(schema))
            {
                foreach (var property in (part["properties"] as JObject)?.Properties() ?? [])
                {
                    if (property.Value is not JObject value || discriminators.Contains(property.Name)) continue;
                    Add(uses, value, component.Name, property.Name, $"{component.Name}.{property.Name}");
                }
            }
        }
        foreach (var (tag, parameter) in Parameters(document))
        {
            if (parameter["schema"] is not JObject value || parameter["name"]?.Value<string>() is not { } name) continue;
            Add(uses, value, NamingAuthority.Singular(Names.Identifier(tag)), name, $"the {name} parameter");
        }
        return uses;
    }

    private static void Add(List<ValueUse> uses, JObject value, string owner, string name, string place)
    {
        if (Values(value) is { } values) uses.Add(new(Key(values), values, value, owner, Names.Identifier(name), place, null));
        else if (value["type"]?.Value<string>() == "array" && value["items"] is JObject items && Values(items) is { } itemValues)
        {
            uses.Add(new(Key(itemValues), itemValues, items, owner, NamingAuthority.Singular(Names.Identifier(name)), place, null));
        }
    }

    /// <summary>The schema and its inline <c>allOf</c> parts: where its own properties are declared.</summary>
    private static IEnumerable<JObject> Parts(JObject schema) =>
        new[] { schema }.Concat((schema["allOf"] as JArray)?.OfType<JObject>().Where(p => p["$ref"] is null) ?? []);

    /// <summary>The known string values of a schema without a reference, or null.</summary>
    private static IReadOnlyList<string>? Values(JObject schema)
    {
        if (schema["$ref"] is not null || schema["x-enum-values"] is not JArray { Count: > 0 } array) return null;
        if (schema["type"]?.Value<string>() is not (null or "string")) return null;
        var values = array.Where(v => v.Type != JTokenType.Null).ToList();
        return values.Count > 0 && values.All(v => v.Type == JTokenType.String)
            ? values.Select(v => v.Value<string>()!).Distinct(StringComparer.Ordinal).ToList()
            : null;
    }

    private static string Key(IReadOnlyList<string> values) => string.Join("\u0001", values.OrderBy(v => v, StringComparer.Ordinal));

    /// <summary>Every parameter of every operation (path-level ones included), shared ones once, with the tag of a user.</summary>
    private static IEnumerable<(string Tag, JObject Parameter)> Parameters(JObject document)
    {
        var seen = new HashSet<JObject>(ReferenceEqualityComparer.Instance);
        foreach (var path in (document["paths"] as JObject)?.Properties() ?? [])
        {
            if (path.Value is not JObject item) continue;
            foreach (var method in OpenApi.Methods)
            {
                if (item[method] is not JObject operation) continue;
                var tag = (operation["tags"] as JArray)?.FirstOrDefault()?.Value<string>() ?? NamingAuthority.Product;
                var all = ((operation["parameters"] as JArray) ?? []).Concat((item["parameters"] as JArray) ?? []);
                foreach (var parameter in all.Select(p => OpenApi.Deref(document, p)).OfType<JObject>())
                {
                    if (seen.Add(parameter)) yield return (tag, parameter);
                }
            }
        }
    }
}
