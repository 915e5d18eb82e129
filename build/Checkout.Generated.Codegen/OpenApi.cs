using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen;

/// <summary>Small helpers over the OpenAPI 3 object model.</summary>
internal static class OpenApi
{
    public static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>Escapes one JSON pointer token (RFC 6901).</summary>
    public static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

    public static string Pointer(params string[] tokens) => "/" + string.Join("/", tokens.Select(Escape));

    /// <summary>Resolves a local <c>$ref</c> such as <c>#/components/parameters/x</c>; null when it does not resolve.</summary>
    public static JToken? Resolve(JObject document, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) return null;
        JToken? node = document;
        foreach (var raw in reference[2..].Split('/'))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            node = node is JObject o ? o[token] : null;
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>The object behind a parameter or schema, following one local <c>$ref</c>.</summary>
    public static JObject? Deref(JObject document, JToken? node) =>
        node is JObject o && o["$ref"]?.Value<string>() is { } r ? Resolve(document, r) as JObject : node as JObject;

    /// <summary>Whether the JSON pointer names a component schema itself (<c>/components/schemas/X</c>), not something inside one.</summary>
    public static bool IsComponentSchema(string pointer)
    {
        var tokens = pointer.Split('/');
        return tokens.Length == 4 && tokens[1] == "components" && tokens[2] == "schemas";
    }

    /// <summary>Path template variables, e.g. <c>id</c> and <c>fileId</c> in <c>/reports/{id}/files/{fileId}</c>.</summary>
    public static IReadOnlyList<string> TemplateVariables(string path) =>
        System.Text.RegularExpressions.Regex.Matches(path, @"\{([^}/]+)\}").Select(m => m.Groups[1].Value).ToList();

    /// <summary>Visits every schema-bearing object in the document, depth first, with its JSON pointer.</summary>
    public static IEnumerable<(string Pointer, JObject Node)> Objects(JToken root, string pointer = "")
    {
        var stack = new Stack<(string, JToken)>();
        stack.Push((pointer, root));
        while (stack.Count > 0)
        {
            var (ptr, node) = stack.Pop();
            switch (node)
            {
                case JObject o:
                    yield return (ptr, o);
                    foreach (var p in o.Properties().Reverse()) stack.Push((ptr + "/" + Escape(p.Name), p.Value));
                    break;
                case JArray a:
                    for (var i = a.Count - 1; i >= 0; i--) stack.Push((ptr + "/" + i, a[i]));
                    break;
            }
        }
    }

    /// <summary>The schemas of an operation's multipart/form-data request body, followed through one <c>$ref</c>.</summary>
    public static IEnumerable<JObject> MultipartSchemas(JObject document, JObject operation)
    {
        if (Deref(document, operation["requestBody"])?["content"] is not JObject content) yield break;
        foreach (var media in content.Properties())
        {
            if (!media.Name.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)) continue;
            if (Deref(document, media.Value["schema"]) is { } schema) yield return schema;
        }
    }
}
