using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// An inline object schema under a property would be named by the generator after the property alone
/// (<c>Billing_address7</c>). It moves to <c>components/schemas</c>, marked with its owner and role (the property;
/// array items get <c>Item</c>): the shaping phase names it <c>{Owner}{Role}</c> (<c>PaymentRequestBillingAddress</c>).
/// </summary>
internal sealed class InlineObjectRule : INormalisationRule
{
    public string Name => "inline object schemas (moved to components, owner and property recorded)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        foreach (var component in schemas.Properties().ToList())
        {
            if (component.Value is JObject schema) Visit(context, schemas, schema, component.Name, 0);
        }
    }

    private void Visit(NormalisationContext context, JObject schemas, JObject schema, string owner, int depth)
    {
        if (depth > 16) return;
        foreach (var key in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema[key] is not JArray parts) continue;
            foreach (var part in parts.OfType<JObject>().Where(p => p["$ref"] is null)) Visit(context, schemas, part, owner, depth + 1);
        }
        if (schema["properties"] is not JObject properties) return;
        foreach (var property in properties.Properties().ToList())
        {
            var name = Names.Identifier(property.Name);
            if (property.Value is JObject { } value && IsInlineObject(value))
            {
                property.Value = Hoist(context, schemas, value, owner, name, depth);
            }
            else if (property.Value is JObject { } array && array["items"] is JObject items && IsInlineObject(items))
            {
                array["items"] = Hoist(context, schemas, items, owner, name + "Item", depth);
            }
        }
    }

    private JObject Hoist(NormalisationContext context, JObject schemas, JObject schema, string owner, string role, int depth)
    {
        var unique = Names.FreeSchemaName(schemas, Names.Composed(Names.Identifier(owner), role));
        Origin.Mark(schema, Origin.Schema(owner), role);
        schemas[unique] = schema;
        context.Count(Name);
        // The assignment copied a schema that had a parent: visit the copy, which is the one the document keeps.
        Visit(context, schemas, (JObject)schemas[unique]!, unique, depth + 1);
        return new JObject { ["$ref"] = "#/components/schemas/" + OpenApi.Escape(unique) };
    }

    // A map of named links (additionalProperties only) is generated as a class too, so it is named the same way.
    private static bool IsInlineObject(JObject schema) =>
        schema["$ref"] is null && schema["discriminator"] is null
        && (schema["properties"] is JObject { HasValues: true } || (schema["properties"] is null && schema["additionalProperties"] is JObject { HasValues: true } && schema["items"] is null));
}
