using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Rules;

/// <summary>
/// The union schemas of <c>oneOf</c>/<c>anyOf</c> without discriminator (bodies, properties, array items, map values):
/// an object with one property per alternative, marked <c>x-checkout-union</c>, read and written by
/// <c>Internal/CheckoutUnionConverter</c>. The properties get provisional keys; <c>Shaping/UnionMemberRule</c> names
/// them after the alternatives' final type names.
/// </summary>
internal static class Unions
{
    public const string Extension = "x-checkout-union";

    /// <summary>The alternatives of a <c>oneOf</c>/<c>anyOf</c> that make a union (duplicates dropped), or null when it is not one:
    /// a discriminator (inheritance), fewer than two distinct alternatives, or an alternative that only constrains
    /// (<c>{required: [a]}</c>, <c>{}</c>: the <c>oneOf</c> is a validation rule, not a choice of shapes).</summary>
    public static List<JObject>? Alternatives(JObject schema)
    {
        if (schema["discriminator"] is not null || schema[Extension] is not null) return null;
        if ((schema["oneOf"] ?? schema["anyOf"]) is not JArray parts) return null;
        var alternatives = new List<JObject>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (part is not JObject alternative || !IsShape(alternative)) return null;
            if (seen.Add(alternative.ToString(Newtonsoft.Json.Formatting.None))) alternatives.Add(alternative);
        }
        return alternatives.Count >= 2 ? alternatives : null;
    }

    /// <summary>An alternative that stands for a shape: a reference, a typed schema, an object with properties or an array.</summary>
    private static bool IsShape(JObject alternative) =>
        alternative["$ref"] is not null || alternative["properties"] is JObject { HasValues: true } || alternative["items"] is not null
        || alternative["type"]?.Value<string>() is { } type && type != "object" || alternative["allOf"] is not null;

    /// <summary>The component name an alternative refers to (for descriptions), or <c>an inline schema</c>.</summary>
    public static string Label(JToken alternative) =>
        Discriminators.SchemaName(alternative["$ref"]?.Value<string>()) is { } name ? Names.Identifier(name) : "an inline schema";

    /// <summary>
    /// Adds a union schema for <paramref name="alternatives"/> under a free key near <paramref name="wanted"/> and returns
    /// a reference to it. Properties are keyed <c>Option1</c>, <c>Option2</c>, … until shaping names them.
    /// </summary>
    public static JObject Add(JObject document, string wanted, IReadOnlyList<JToken> alternatives, string description)
    {
        var schemas = document["components"]?["schemas"] as JObject;
        if (schemas is null) document["components"] = new JObject { ["schemas"] = schemas = new JObject() };
        var name = Names.FreeSchemaName(schemas, wanted);
        schemas[name] = Schema(alternatives, description);
        return new JObject { ["$ref"] = Discriminators.Reference(name) };
    }

    /// <summary>The union schema itself: one property per alternative, the alternatives listed in <c>x-checkout-one-of</c>.</summary>
    public static JObject Schema(IReadOnlyList<JToken> alternatives, string description)
    {
        var properties = new JObject();
        for (var i = 0; i < alternatives.Count; i++) properties["Option" + (i + 1)] = alternatives[i].DeepClone();
        return new JObject
        {
            ["type"] = "object",
            ["description"] = description + " Pass any of them: each converts implicitly.",
            [Extension] = true,
            ["x-checkout-one-of"] = new JArray(alternatives.Select(a => a.DeepClone())),
            ["properties"] = properties,
        };
    }
}
