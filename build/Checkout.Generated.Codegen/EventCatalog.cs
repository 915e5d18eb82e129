using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen;

/// <summary>
/// The webhook event types a normalised document names, and the model their <c>data</c> is typed with.
/// </summary>
/// <remarks>
/// The spec has no webhook section: it names event types in examples (a map of event source → event types, lists of
/// <c>event_types</c>, the <c>type</c> of an event object), and it types event data in one place, the event object
/// whose <c>data</c> is a component schema with properties. That schema is taken for the event types that share the
/// subject (<c>payment</c> in <c>payment_approved</c>) of that event object's example type; every other type is known
/// but its data stays untyped JSON.
/// </remarks>
internal sealed record EventCatalog(IReadOnlyList<string> EventTypes, IReadOnlyDictionary<string, string> DataSchemas)
{
    public static EventCatalog Read(JObject document)
    {
        var schemas = document["components"]?["schemas"] as JObject ?? new JObject();
        var types = new List<string>();
        var subjects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in schemas.Properties())
        {
            if (component.Value is not JObject schema) continue;
            if (IsSourceMap(schema) && schema["example"] is JObject bySource)
            {
                foreach (var list in bySource.Properties()) Add(types, list.Value);
            }
            if (schema["properties"] is not JObject properties) continue;
            if (properties["event_types"] is JObject { } eventTypes) Add(types, eventTypes["example"]);
            // An event object: an id, a type and data.
            if (properties["id"] is null || properties["data"] is not JObject data) continue;
            if (properties["type"] is not JObject type || type["example"] is not JValue { Type: JTokenType.String } example) continue;
            Add(types, example);
            if (DataSchema(schemas, data) is { } dataSchema && Subject((string)example!) is { } subject)
            {
                subjects.TryAdd(subject, dataSchema);
            }
        }
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var eventType in types)
        {
            if (Subject(eventType) is { } subject && subjects.TryGetValue(subject, out var schemaName)) typed[eventType] = schemaName;
        }
        return new EventCatalog(types, typed);
    }

    /// <summary><c>payment</c> for <c>payment_approved</c>; null for a name without one.</summary>
    internal static string? Subject(string eventType)
    {
        var cut = eventType.IndexOf('_');
        return cut > 0 ? eventType[..cut] : null;
    }

    /// <summary>A map whose values are lists of strings: event source → its event types.</summary>
    private static bool IsSourceMap(JObject schema) =>
        schema["additionalProperties"] is JObject { } values && values["type"]?.Value<string>() == "array" && values["items"]?["type"]?.Value<string>() == "string";

    /// <summary>The component schema a <c>data</c> property refers to (directly or as a single-part <c>allOf</c>), when it has properties.</summary>
    private static string? DataSchema(JObject schemas, JObject data)
    {
        var reference = data["$ref"]?.Value<string>() ?? (data["allOf"] is JArray { Count: 1 } parts ? parts[0]["$ref"]?.Value<string>() : null);
        const string prefix = "#/components/schemas/";
        if (reference is null || !reference.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var name = Uri.UnescapeDataString(reference[prefix.Length..]).Replace("~1", "/").Replace("~0", "~");
        return schemas[name] is JObject { } target && target["properties"] is JObject { HasValues: true } ? name : null;
    }

    private static void Add(List<string> types, JToken? values)
    {
        IEnumerable<JToken> items = values switch { JArray array => array, null => Array.Empty<JToken>(), _ => new[] { values } };
        foreach (var value in items)
        {
            if (value is JValue { Type: JTokenType.String } s && (string)s! is { Length: > 0 } name && !types.Contains(name)) types.Add(name);
        }
    }
}
