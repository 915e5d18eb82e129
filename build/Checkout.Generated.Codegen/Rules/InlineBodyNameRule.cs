using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Rules;

/// <summary>
/// Codegen policy: an inline object schema of a request or response body would get a placeholder name from the
/// generator (<c>Body</c>, <c>Response9</c>, <c>Anonymous</c>). It moves to <c>components/schemas</c> named from its
/// operation and role: <c>{Operation}Request</c>, <c>{Operation}Response</c> for a 2xx answer, <c>{Operation}Error</c>
/// otherwise (with the status code appended when one operation has several of a role, array items get <c>Item</c>).
/// A component array whose items are an inline object gets <c>{Component}Item</c>. Each name depends only on its own
/// operation or component, so adding an unrelated operation renames nothing; a name over 60 characters drops owner
/// words (<see cref="Names.Composed"/>).
/// </summary>
internal sealed class InlineBodyNameRule : INormalisationRule
{
    public string Name => "inline body schemas (named after their operation and role)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"] is not JObject components) context.Document["components"] = components = new JObject();
        if (components["schemas"] is not JObject schemas) components["schemas"] = schemas = new JObject();
        foreach (var component in schemas.Properties().ToList())
        {
            if (component.Value is JObject { } array && array["items"] is JObject items && IsInlineObject(items))
            {
                array["items"] = Hoist(context, schemas, items, Names.Composed(Names.Identifier(component.Name), "Item"));
            }
        }
        foreach (var (_, _, operation) in context.Operations())
        {
            var owner = Names.Identifier(operation["operationId"]?.Value<string>() ?? "");
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
                HoistAll(context, schemas, [(JObject)response.Value], Names.Identifier(response.Name), "Response");
            }
        }
    }

    private void HoistAll(NormalisationContext context, JObject schemas, IEnumerable<JObject> bodies, string owner, string role)
    {
        // One body may declare the same inline schema for several media types: they share one component.
        var hoisted = new List<(JObject Schema, JObject Reference)>();
        foreach (var (media, schema, isItem) in bodies.SelectMany(Inline).ToList())
        {
            var reference = hoisted.FirstOrDefault(h => JToken.DeepEquals(h.Schema, schema)).Reference;
            if (reference is null)
            {
                var original = (JObject)schema.DeepClone();
                reference = Hoist(context, schemas, schema, Names.Composed(owner, isItem ? role + "Item" : role));
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

    private JObject Hoist(NormalisationContext context, JObject schemas, JObject schema, string name)
    {
        var unique = Names.FreeSchemaName(schemas, name);
        schemas[unique] = schema;
        context.Count(Name);
        return new JObject { ["$ref"] = "#/components/schemas/" + OpenApi.Escape(unique) };
    }

    private static bool IsInlineObject(JObject schema) =>
        schema["$ref"] is null && (schema["properties"] is JObject { HasValues: true } || schema["allOf"] is JArray { HasValues: true });
}
