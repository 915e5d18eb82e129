using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// Codegen policy: a <c>oneOf</c>/<c>anyOf</c> without discriminator anywhere in a model — a property, an array's items
/// (at any depth), a map's values, or a component schema that is only that choice — becomes a union, as a body does
/// (<see cref="UndiscriminatedUnionRule"/>): generators keep only the first alternative, so a third-party 3DS
/// cryptogram of <c>PaymentRequest.3ds</c> could only go through <c>AdditionalProperties</c>. The union schema is a
/// created type, marked with its owner and role (<c>{Owner}{Property}</c>, <c>…Item</c> for array items, <c>…Value</c>
/// for map values); an inline alternative with properties is hoisted as <c>{Union}Option{n}</c>. When every alternative
/// extends one discriminated base, the property is typed as that base instead (inheritance, as a discriminated
/// <c>oneOf</c> is). Runs after the inline objects are hoisted, so every owner is a component.
/// </summary>
internal sealed class UnionPropertyRule : INormalisationRule
{
    public string Name => "properties, array items and map values that are a oneOf/anyOf without discriminator";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        foreach (var component in schemas.Properties().ToList())
        {
            if (component.Value is not JObject schema) continue;
            if (schema[Unions.Extension] is not null)
            {
                HoistInline(schemas, schema, component.Name); // a body union's inline alternatives
                continue;
            }
            if (schema["properties"] is null && Unions.Alternatives(schema) is { } own && CommonBase(schemas, own) is null)
            {
                var union = Unions.Schema(own, Description(schema, own));
                foreach (var keep in new[] { "x-checkout-origin", "deprecated" }) if (schema[keep] is { } value) union[keep] = value;
                component.Value = union;
                HoistInline(schemas, union, component.Name);
                context.Count(Name);
                continue;
            }
            foreach (var property in (schema["properties"] as JObject)?.Properties().ToList() ?? [])
            {
                if (property.Value is JObject value) property.Value = Visit(context, schemas, value, component.Name, Names.Identifier(property.Name), 0);
            }
            if (schema["additionalProperties"] is JObject map) schema["additionalProperties"] = Visit(context, schemas, map, component.Name, "Value", 0);
        }
    }

    /// <summary>The schema at a property, an item or a map value: a union becomes a reference to a union schema.</summary>
    private JObject Visit(NormalisationContext context, JObject schemas, JObject schema, string owner, string role, int depth)
    {
        if (depth > 8) return schema;
        if (Unions.Alternatives(schema) is { } alternatives)
        {
            context.Count(Name);
            if (CommonBase(schemas, alternatives) is { } common)
            {
                var reference = new JObject { ["$ref"] = Discriminators.Reference(common) };
                if (schema["description"] is { } text) reference["description"] = text;
                return reference;
            }
            var key = Discriminators.SchemaName(Unions.Add(context.Document, Names.Composed(Names.Identifier(owner), role), alternatives, Description(schema, alternatives))["$ref"]!.Value<string>())!;
            var union = (JObject)schemas[key]!;
            Origin.Mark(union, Origin.Schema(owner), role);
            HoistInline(schemas, union, key);
            return new JObject { ["$ref"] = Discriminators.Reference(key) };
        }
        if (schema["items"] is JObject items) schema["items"] = Visit(context, schemas, items, owner, role + "Item", depth + 1);
        else if (schema["properties"] is null && schema["additionalProperties"] is JObject values) schema["additionalProperties"] = Visit(context, schemas, values, owner, role + "Value", depth + 1);
        return schema;
    }

    /// <summary>Inline alternatives with properties become components <c>{Union}Option{n}</c> (else NSwag names them <c>Anonymous</c>).</summary>
    private static void HoistInline(JObject schemas, JObject union, string unionKey)
    {
        if (union["properties"] is not JObject properties) return;
        foreach (var property in properties.Properties())
        {
            if (property.Value is not JObject alternative || alternative["$ref"] is not null || alternative["properties"] is not JObject { HasValues: true }) continue;
            var key = Names.FreeSchemaName(schemas, Names.Composed(unionKey, property.Name));
            var hoisted = (JObject)alternative.DeepClone();
            Origin.Mark(hoisted, Origin.Schema(unionKey), property.Name);
            schemas[key] = hoisted;
            property.Value = new JObject { ["$ref"] = Discriminators.Reference(key) };
        }
        union["x-checkout-one-of"] = new JArray(properties.Properties().Select(p => p.Value.DeepClone()));
    }

    private static string Description(JObject schema, IReadOnlyList<JObject> alternatives)
    {
        var own = schema["description"]?.Value<string>()?.Trim();
        var list = "One of: " + string.Join(", ", alternatives.Select(Unions.Label)) + ".";
        return string.IsNullOrEmpty(own) ? list : own.TrimEnd('.') + ". " + list;
    }

    /// <summary>The discriminated component every alternative (a reference) extends, or null.</summary>
    private static string? CommonBase(JObject schemas, IReadOnlyList<JObject> alternatives)
    {
        var names = alternatives.Select(a => Discriminators.SchemaName(a["$ref"]?.Value<string>())).ToList();
        if (names.Any(n => n is null)) return null;
        var bases = schemas.Properties().Where(p => p.Value is JObject s && s["discriminator"] is JObject).Select(p => p.Name);
        return bases.FirstOrDefault(b => names.All(n => Discriminators.Extends(schemas, n!, b)));
    }
}
