using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Rules;

/// <summary>Which schemas a response can contain and which a request can: the roots and their closure over <c>$ref</c>s.</summary>
internal static class SchemaGraph
{
    private static readonly string[] SchemaLists = ["allOf", "oneOf", "anyOf"];
    private static readonly string[] SchemaValues = ["items", "additionalProperties", "not"];

    /// <summary>The schemas nested directly in <paramref name="schema"/> (properties, items, allOf parts, …).</summary>
    public static IEnumerable<JObject> Children(JObject schema)
    {
        if (schema["properties"] is JObject properties)
        {
            foreach (var p in properties.Properties()) if (p.Value is JObject s) yield return s;
        }
        foreach (var key in SchemaValues) if (schema[key] is JObject s) yield return s;
        foreach (var key in SchemaLists)
        {
            if (schema[key] is JArray parts) foreach (var s in parts.OfType<JObject>()) yield return s;
        }
    }

    /// <summary><paramref name="schema"/> and every schema nested in it, without following references.</summary>
    public static IEnumerable<JObject> Inline(JObject schema)
    {
        var pending = new Stack<JObject>([schema]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            yield return current;
            foreach (var child in Children(current)) pending.Push(child);
        }
    }

    /// <summary>The body schemas of what the API answers: responses, and the requests a callback sends to the caller.</summary>
    public static IEnumerable<JObject> ResponseRoots(JObject document)
    {
        foreach (var (operation, callback) in Operations(document))
        {
            if (callback) foreach (var s in BodySchemas(document, operation["requestBody"])) yield return s;
            if (operation["responses"] is not JObject responses) continue;
            foreach (var response in responses.Properties()) foreach (var s in BodySchemas(document, response.Value)) yield return s;
        }
    }

    /// <summary>The schemas of what the caller sends: request bodies and parameters.</summary>
    public static IEnumerable<JObject> RequestRoots(JObject document)
    {
        foreach (var (operation, callback) in Operations(document))
        {
            if (callback) continue;
            foreach (var s in BodySchemas(document, operation["requestBody"])) yield return s;
            if (operation["parameters"] is not JArray parameters) continue;
            foreach (var parameter in parameters)
            {
                if (OpenApi.Deref(document, parameter)?["schema"] is JObject s) yield return s;
            }
        }
    }

    /// <summary>
    /// The component schemas reachable from <paramref name="roots"/> through references and discriminator mappings, and
    /// the schemas extending a reached discriminated schema (a response declaring the base can hold any of them).
    /// </summary>
    public static HashSet<string> Reachable(JObject document, IEnumerable<JObject> roots)
    {
        var schemas = document["components"]?["schemas"] as JObject ?? new JObject();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JObject>(roots);
        void Reach(string? name)
        {
            if (name is not null && schemas[name] is JObject target && reached.Add(name)) pending.Push(target);
        }
        while (true)
        {
            while (pending.Count > 0)
            {
                foreach (var node in Inline(pending.Pop()))
                {
                    Reach(Discriminators.SchemaName(node["$ref"]?.Value<string>()));
                    if (node["discriminator"]?["mapping"] is JObject mapping)
                    {
                        foreach (var entry in mapping.Properties()) Reach(Discriminators.Target(entry));
                    }
                }
            }
            foreach (var schema in schemas.Properties())
            {
                if (reached.Contains(schema.Name) || schema.Value is not JObject s) continue;
                if (Discriminators.Bases(s).Any(b => reached.Contains(b) && Discriminators.IsDiscriminated(schemas, b))) Reach(schema.Name);
            }
            if (pending.Count == 0) return reached;
        }
    }

    private static IEnumerable<JObject> BodySchemas(JObject document, JToken? holder)
    {
        if (OpenApi.Deref(document, holder)?["content"] is not JObject content) yield break;
        foreach (var media in content.Properties())
        {
            if (media.Value["schema"] is JObject s) yield return s;
        }
    }

    private static IEnumerable<(JObject Operation, bool Callback)> Operations(JObject document)
    {
        foreach (var path in (document["paths"] as JObject)?.Properties() ?? [])
        {
            foreach (var method in OpenApi.Methods)
            {
                if (path.Value[method] is not JObject operation) continue;
                yield return (operation, false);
                foreach (var callback in (operation["callbacks"] as JObject)?.Properties() ?? [])
                {
                    foreach (var expression in (OpenApi.Deref(document, callback.Value) ?? new JObject()).Properties())
                    {
                        foreach (var callbackMethod in OpenApi.Methods)
                        {
                            if (expression.Value[callbackMethod] is JObject c) yield return (c, true);
                        }
                    }
                }
            }
        }
    }
}
