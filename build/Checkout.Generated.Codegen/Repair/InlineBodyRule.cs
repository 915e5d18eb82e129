using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// An inline object schema of a request or response body would get a placeholder name from the generator
/// (<c>Body</c>, <c>Response9</c>, <c>Anonymous</c>). It moves to <c>components/schemas</c>, marked with its owner
/// (the operation, a shared response, or the component array whose items it is) and role: <c>Request</c>,
/// <c>Response</c> for a 2xx answer, <c>Error</c> otherwise (with the status code appended when one operation has
/// several of a role), <c>Item</c> appended for array items. The shaping phase names it <c>{Owner}{Role}</c>.
/// </summary>
internal sealed class InlineBodyRule : INormalisationRule
{
    public string Name => "inline body schemas (moved to components, operation and role recorded)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"] is not JObject components) context.Document["components"] = components = new JObject();
        if (components["schemas"] is not JObject schemas) components["schemas"] = schemas = new JObject();
        foreach (var component in schemas.Properties().ToList())
        {
            if (component.Value is JObject { } array && array["items"] is JObject items && IsInlineObject(items))
            {
                array["items"] = Hoist(context, schemas, items, Names.Identifier(component.Name), Origin.Schema(component.Name), "Item");
            }
        }
        foreach (var (path, method, operation) in context.Operations())
        {
            var owner = (Names.Identifier(operation["operationId"]?.Value<string>() ?? ""), Origin.Operation(path, method));
            if (operation["requestBody"] is JObject { } body && body["$ref"] is null)
            {
                HoistAll(context, schemas, [body], owner, "Request");
            }
            if (operation["responses"] is not JObject responses) continue;
            foreach (var role in responses.Properties().Where(r => r.Value is JObject o && o["$ref"] is null)
                         .GroupBy(r => r.Name.StartsWith('2') ? "Response" : "Error"))
            {
                var withInline = role.Where(r => Inline((JObject)r.Value).Any()).ToList();
                foreach (var response in withInline)
                {
                    var suffix = withInline.Count > 1 ? Names.Pascal(response.Name) : "";
                    HoistAll(context, schemas, [(JObject)response.Value], owner, role.Key + suffix);
                }
            }
        }
        if (components["responses"] is JObject shared)
        {
            foreach (var response in shared.Properties().Where(r => r.Value is JObject))
            {
                HoistAll(context, schemas, [(JObject)response.Value], (Names.Identifier(response.Name), Origin.Response(response.Name)), "Response");
            }
        }
    }

    private void HoistAll(NormalisationContext context, JObject schemas, IEnumerable<JObject> bodies, (string Name, string Pointer) owner, string role)
    {
        // One body may declare the same inline schema for several media types: they share one component.
        var hoisted = new List<(JObject Schema, JObject Reference)>();
        foreach (var (media, schema, isItem) in bodies.SelectMany(Inline).ToList())
        {
            var reference = hoisted.FirstOrDefault(h => JToken.DeepEquals(h.Schema, schema)).Reference;
            if (reference is null)
            {
                var original = (JObject)schema.DeepClone();
                reference = Hoist(context, schemas, schema, owner.Name, owner.Pointer, isItem ? role + "Item" : role);
                hoisted.Add((original, reference));
            }
            if (isItem) media["schema"]!["items"] = reference.DeepClone();
            else media["schema"] = reference.DeepClone();
        }
    }

    /// <summary>The inline object schemas of a body: the media type, the schema and whether it is the items of an array.</summary>
    private static IEnumerable<(JObject Media, JObject Schema, bool IsItem)> Inline(JObject body)
    {
        if (body["content"] is not JObject content) yield break;
        foreach (var media in content.Properties().Select(p => p.Value).OfType<JObject>())
        {
            if (media["schema"] is not JObject schema) continue;
            if (IsInlineObject(schema)) yield return (media, schema, false);
            else if (schema["$ref"] is null && schema["items"] is JObject items && IsInlineObject(items)) yield return (media, items, true);
        }
    }

    private JObject Hoist(NormalisationContext context, JObject schemas, JObject schema, string owner, string pointer, string role)
    {
        var unique = Names.FreeSchemaName(schemas, Names.Composed(owner, role));
        Origin.Mark(schema, pointer, role);
        schemas[unique] = schema;
        context.Count(Name);
        return new JObject { ["$ref"] = "#/components/schemas/" + OpenApi.Escape(unique) };
    }

    private static bool IsInlineObject(JObject schema) =>
        schema["$ref"] is null && (schema["properties"] is JObject { HasValues: true } || schema["allOf"] is JArray { HasValues: true });
}
