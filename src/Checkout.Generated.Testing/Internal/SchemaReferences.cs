using System;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>Resolves local <c>$ref</c>s of the normalised document.</summary>
internal sealed class SchemaReferences
{
    private readonly JObject _document;

    public SchemaReferences(JObject document) => _document = document ?? throw new ArgumentNullException(nameof(document));

    public JObject Document => _document;

    /// <summary>Follows <c>$ref</c>s until a concrete object; <paramref name="name"/> is the last referenced component name.</summary>
    public JObject? Resolve(JToken? node, out string? name)
    {
        name = null;
        for (var hops = 0; node is JObject obj && hops < 32; hops++)
        {
            if (obj["$ref"] is not JValue { Type: JTokenType.String } reference) return obj;
            var pointer = (string)reference!;
            name = pointer.Substring(pointer.LastIndexOf('/') + 1);
            node = Lookup(pointer);
        }

        return node as JObject;
    }

    public JObject? Resolve(JToken? node) => Resolve(node, out _);

    private JToken? Lookup(string pointer)
    {
        if (!pointer.StartsWith("#/", StringComparison.Ordinal)) return null;
        JToken? current = _document;
        foreach (var raw in pointer.Substring(2).Split('/'))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            current = current?[segment];
        }

        return current;
    }
}
