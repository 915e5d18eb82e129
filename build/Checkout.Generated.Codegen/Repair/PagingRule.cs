using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// Codegen policy: a list operation that pages gets a generated method enumerating every item (<c>IAsyncEnumerable</c>),
/// recognised by shape, never by name of path or operation. A list is a GET whose JSON success body (<c>x-checkout-result:
/// body</c>) is an object with one array property of component objects or strings (<c>data</c> when there are several).
/// It pages by <b>offset</b> when it takes integer query parameters <c>limit</c> and <c>skip</c> (or <c>offset</c>), and by
/// <b>token</b> when it takes a string query parameter named like a page token (<c>pagination_token</c>, <c>page_token</c>,
/// <c>next_token</c>, <c>continuation_token</c>, <c>cursor</c>) and its body carries the next token: a string property of
/// that name (or <c>next_</c> + it), or a links object (<c>_links</c>, <c>links</c>) with a <c>next</c> link whose
/// <c>href</c> holds the token as the query parameter of that name. What the template needs is written as string
/// extensions on the operation (<c>x-checkout-paging</c> = <c>offset</c> or <c>token</c>, …-method, -items, -item-type,
/// -cursor, -size, -total, -next, -next-json, -next-link); the shaping phase names the method and the item type.
/// </summary>
internal sealed class PagingRule : INormalisationRule
{
    public const string Extension = "x-checkout-paging";
    private static readonly string[] TokenNames = ["paginationtoken", "pagetoken", "nexttoken", "continuationtoken", "cursor"];

    public string Name => "paged lists (an enumerator over every item)";

    public void Apply(NormalisationContext context)
    {
        var document = context.Document;
        foreach (var (path, method, operation) in context.Operations())
        {
            if (method != "get" || operation["x-checkout-result"]?.Value<string>() != "body") continue;
            if (Body(document, operation) is not { } body) continue;
            var properties = Properties(document, body);
            if (Items(document, properties) is not { } items) continue;
            var query = Parameters(document, context.Paths[path] as JObject, operation).Where(p => p["in"]?.Value<string>() == "query").ToList();
            var limit = query.FirstOrDefault(p => Key(p) == "limit" && IsType(document, p, "integer"));
            var skip = query.FirstOrDefault(p => Key(p) is "skip" or "offset" && IsType(document, p, "integer"));
            var token = query.FirstOrDefault(p => TokenNames.Contains(Key(p)) && IsType(document, p, "string"));
            var marks = new JObject();
            if (limit is not null && skip is not null)
            {
                marks[Extension] = "offset";
                marks[Extension + "-cursor"] = skip["name"]!.Value<string>();
                if (properties.ContainsKey("limit")) marks[Extension + "-size"] = Names.Identifier("limit");
                if (properties.Keys.FirstOrDefault(k => Names.Pascal(k) is "TotalCount" or "Total") is { } total) marks[Extension + "-total"] = Names.Identifier(total);
            }
            else if (token is not null && NextToken(document, properties, token["name"]!.Value<string>()!) is { } next)
            {
                marks[Extension] = "token";
                marks[Extension + "-cursor"] = token["name"]!.Value<string>();
                marks[Extension + "-next"] = string.Join(".", next.Path.Select(Names.Identifier));
                marks[Extension + "-next-json"] = string.Join(".", next.Path);
                if (next.Link) marks[Extension + "-next-link"] = true;
            }
            else
            {
                continue;
            }
            marks[Extension + "-items"] = Names.Identifier(items.Name);
            marks[Extension + "-items-json"] = items.Name;
            marks[Extension + "-item-type"] = items.Type;
            if (limit is not null) marks[Extension + "-limit"] = limit["name"]!.Value<string>();
            foreach (var mark in marks.Properties()) operation[mark.Name] = mark.Value;
            context.Count(Name);
        }
    }

    private static string Key(JObject parameter) => (parameter["name"]?.Value<string>() ?? "").Replace("_", "").Replace("-", "").ToLowerInvariant();

    private static bool IsType(JObject document, JObject parameter, string type) => OpenApi.Deref(document, parameter["schema"])?["type"]?.Value<string>() == type;

    private static JObject? Body(JObject document, JObject operation)
    {
        if (operation["responses"] is not JObject responses) return null;
        var success = responses.Properties().FirstOrDefault(r => r.Name.StartsWith('2'));
        var content = OpenApi.Deref(document, success?.Value)?["content"] as JObject;
        var json = content?.Properties().FirstOrDefault(p => p.Name.Contains("json", StringComparison.OrdinalIgnoreCase));
        return OpenApi.Deref(document, json?.Value["schema"]);
    }

    /// <summary>The properties of a schema and of its <c>allOf</c> parts (its own win), schemas resolved.</summary>
    private static Dictionary<string, JObject> Properties(JObject document, JObject schema, int depth = 0)
    {
        var all = new Dictionary<string, JObject>(StringComparer.Ordinal);
        if (depth > 8) return all;
        foreach (var part in (schema["allOf"] as JArray ?? new JArray()).OfType<JObject>())
        {
            if (OpenApi.Deref(document, part) is { } resolved)
            {
                foreach (var (name, value) in Properties(document, resolved, depth + 1)) all[name] = value;
            }
        }
        foreach (var property in (schema["properties"] as JObject)?.Properties() ?? [])
        {
            if (property.Value is JObject value) all[property.Name] = value;
        }
        return all;
    }

    /// <summary>The one array property (<c>data</c> among several) and its item type name, when its items are a component object or strings.</summary>
    private static (string Name, string Type)? Items(JObject document, Dictionary<string, JObject> properties)
    {
        var arrays = properties.Where(p => OpenApi.Deref(document, p.Value)?["type"]?.Value<string>() == "array").ToList();
        var array = arrays.Count == 1 ? arrays[0] : arrays.FirstOrDefault(p => p.Key == "data");
        if (array.Value is null || OpenApi.Deref(document, array.Value)?["items"] is not JObject items) return null;
        if (items["$ref"]?.Value<string>() is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            && OpenApi.Resolve(document, reference) is JObject target && target["type"]?.Value<string>() is null or "object")
        {
            // The component's key: the shaping phase replaces it with the type's final name (TypeNameRule).
            return (array.Key, Uri.UnescapeDataString(reference["#/components/schemas/".Length..]).Replace("~1", "/").Replace("~0", "~"));
        }
        return items["type"]?.Value<string>() == "string" && items["$ref"] is null ? (array.Key, "string") : null;
    }

    /// <summary>Where the body carries the next token: a string property named like the parameter, or a links object's <c>next.href</c>.</summary>
    private static (IReadOnlyList<string> Path, bool Link)? NextToken(JObject document, Dictionary<string, JObject> properties, string parameter)
    {
        foreach (var name in new[] { parameter, "next_" + parameter })
        {
            if (properties.TryGetValue(name, out var value) && OpenApi.Deref(document, value)?["type"]?.Value<string>() == "string") return ([name], false);
        }
        foreach (var links in new[] { "_links", "links" })
        {
            if (!properties.TryGetValue(links, out var value) || OpenApi.Deref(document, value) is not { } linksSchema) continue;
            if (!Properties(document, linksSchema).TryGetValue("next", out var next) || OpenApi.Deref(document, next) is not { } nextSchema) continue;
            if (Properties(document, nextSchema).ContainsKey("href")) return ([links, "next", "href"], true);
        }
        return null;
    }

    /// <summary>The path's and the operation's parameters, references resolved (the operation's win).</summary>
    private static List<JObject> Parameters(JObject document, JObject? pathItem, JObject operation)
    {
        var all = new List<JObject>();
        foreach (var source in new[] { pathItem?["parameters"], operation["parameters"] })
        {
            foreach (var parameter in (source as JArray ?? new JArray()).Select(p => OpenApi.Deref(document, p)).OfType<JObject>())
            {
                all.RemoveAll(p => p["name"]?.Value<string>() == parameter["name"]?.Value<string>() && p["in"]?.Value<string>() == parameter["in"]?.Value<string>());
                all.Add(parameter);
            }
        }
        return all;
    }
}
