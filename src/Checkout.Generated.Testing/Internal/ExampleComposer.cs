using System;
using System.Collections.Generic;
using System.Linq;
using Checkout.Generated.Testing.Internal;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing;

/// <summary>Turns the spec's schemas into full example instances: media-type examples first, else composed from schema and property examples.</summary>
internal sealed class ExampleComposer
{
    private const int MaxVariants = 64;
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };
    private readonly SchemaReferences _refs;
    private readonly Dictionary<string, (string Path, string Method, JObject Node)> _operations = new(StringComparer.Ordinal);

    /// <summary>A composer over the embedded normalised document the client was generated from.</summary>
    public ExampleComposer()
        : this(SpecDocument.Load())
    {
    }

    /// <summary>A composer over a normalised OpenAPI document (as <see cref="SpecDocument.Load"/> returns).</summary>
    public ExampleComposer(JObject document)
    {
        _refs = new SchemaReferences(document ?? throw new ArgumentNullException(nameof(document)));
        foreach (var path in (document["paths"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
        {
            foreach (var method in Methods)
            {
                if (path.Value[method] is JObject op && (string?)op["operationId"] is { } id) _operations[id] = (path.Name, method.ToUpperInvariant(), op);
            }
        }
    }

    /// <summary>The document the composer reads.</summary>
    public JObject Document => _refs.Document;

    /// <summary>The operation object of the document with this id.</summary>
    public JObject Operation(string operationId) => Find(operationId).Node;

    /// <summary>The operation's parameters (path-level and operation-level), with <c>$ref</c>s resolved.</summary>
    public IReadOnlyList<JObject> Parameters(string operationId)
    {
        var (path, _, node) = Find(operationId);
        var all = new List<JObject>();
        foreach (var source in new[] { Document["paths"]?[path]?["parameters"], node["parameters"] })
        {
            foreach (var parameter in (source as JArray) ?? new JArray())
            {
                if (_refs.Resolve(parameter) is not { } resolved) continue;
                all.RemoveAll(p => (string?)p["name"] == (string?)resolved["name"] && (string?)p["in"] == (string?)resolved["in"]);
                all.Add(resolved);
            }
        }

        return all;
    }

    /// <summary>An example value for a parameter: its own example, else one composed from its schema.</summary>
    public JToken ParameterExample(JObject parameter)
    {
        if (parameter is null) throw new ArgumentNullException(nameof(parameter));
        if (parameter["example"] is { } example) return example.DeepClone();
        if (parameter["examples"] is JObject examples && examples.Properties().FirstOrDefault()?.Value["value"] is { } first) return first.DeepClone();
        var composed = new SchemaComposer(_refs, new Dictionary<string, int>()).Compose(parameter["schema"], "." + (string?)parameter["name"]);
        return composed ?? (string?)parameter["name"] ?? "value";
    }

    /// <summary>The request body's media type, or null when the operation takes no body.</summary>
    public string? RequestMediaType(string operationId) =>
        (Find(operationId).Node["requestBody"] is { } body ? _refs.Resolve(body)?["content"] as JObject : null)?.Properties().FirstOrDefault()?.Name;

    /// <summary>The request body's schema, or null when the operation takes no body.</summary>
    public JObject? RequestSchema(string operationId) => Content(_refs.Resolve(Find(operationId).Node["requestBody"]))?["schema"] as JObject;

    /// <summary>Example request bodies: the spec's media-type examples, then one composed instance per discriminator subtype.</summary>
    public IReadOnlyList<ComposedExample> RequestExamples(string operationId) => Examples(Content(_refs.Resolve(Find(operationId).Node["requestBody"])));

    /// <summary>The documented response statuses, in spec order.</summary>
    public IReadOnlyList<string> DocumentedStatuses(string operationId) =>
        (Find(operationId).Node["responses"] as JObject)?.Properties().Select(p => p.Name).ToList() ?? new List<string>();

    /// <summary>The media type of a documented response, or null when it has no body.</summary>
    public string? ResponseMediaType(string operationId, string status) => (Response(operationId, status)?["content"] as JObject)?.Properties().FirstOrDefault()?.Name;

    /// <summary>Example bodies of a documented response: media-type examples first, then composed instances.</summary>
    public IReadOnlyList<ComposedExample> ResponseExamples(string operationId, string status) => Examples(Content(Response(operationId, status)));

    /// <summary>Composes instances of a schema: the first subtype at every choice, then one instance per other subtype.</summary>
    public IReadOnlyList<ComposedExample> Compose(JToken schema)
    {
        var results = new List<ComposedExample>();
        var seenSites = new HashSet<string>(StringComparer.Ordinal);
        // Variants that reach sites only a non-first choice leads to (a payout's destination inside a payment-or-payout
        // union) go first, so that the variant cap never hides a whole branch.
        var queue = new LinkedList<Dictionary<string, int>>();
        queue.AddLast(new Dictionary<string, int>(StringComparer.Ordinal));
        var alternatives = new HashSet<string>(StringComparer.Ordinal);
        var passes = new List<(string Name, JToken Value, HashSet<string> Chosen)>();
        while (queue.Count > 0 && passes.Count < MaxVariants)
        {
            var choices = queue.First!.Value;
            queue.RemoveFirst();
            var composer = new SchemaComposer(_refs, choices);
            var value = composer.Compose(schema, "$");
            if (value is null) continue;
            TestCardGuard.Scrub(value);
            passes.Add((choices.Count == 0 ? "composed" : "composed " + string.Join(", ", composer.Chosen.OrderBy(c => c, StringComparer.Ordinal)), value, composer.Chosen));
            foreach (var site in composer.Sites)
            {
                if (site.Value.Discriminator) alternatives.UnionWith(site.Value.Options);
                if (!seenSites.Add(site.Key)) continue;
                var variants = Enumerable.Range(1, site.Value.Options.Count - 1)
                    .Select(option => new Dictionary<string, int>(choices, StringComparer.Ordinal) { [site.Key] = option });
                if (choices.Count == 0)
                {
                    foreach (var variant in variants) queue.AddLast(variant);
                }
                else
                {
                    foreach (var variant in variants.Reverse()) queue.AddFirst(variant);
                }
            }
        }

        foreach (var pass in passes)
        {
            results.Add(new ComposedExample(pass.Name, pass.Value, false, pass.Chosen.ToArray(), alternatives.ToArray()));
        }

        return results;
    }

    /// <summary>The schema a node stands for, following <c>$ref</c>s; null when it is not a schema.</summary>
    public JObject? ResolveSchema(JToken? node) => _refs.Resolve(node);

    internal SchemaReferences References => _refs;

    internal bool TryFind(string operationId, out string path, out string method)
    {
        var found = _operations.TryGetValue(operationId, out var entry);
        (path, method) = (entry.Path, entry.Method);
        return found;
    }

    private IReadOnlyList<ComposedExample> Examples(JObject? content)
    {
        if (content is null) return Array.Empty<ComposedExample>();
        var results = new List<ComposedExample>();
        if (content["examples"] is JObject examples)
        {
            foreach (var example in examples.Properties())
            {
                if (_refs.Resolve(example.Value)?["value"] is not { } value) continue;
                var copy = value.DeepClone();
                TestCardGuard.Scrub(copy);
                results.Add(new ComposedExample(example.Name, copy, true, Array.Empty<string>(), Array.Empty<string>()));
            }
        }
        else if (content["example"] is { } single)
        {
            var copy = single.DeepClone();
            TestCardGuard.Scrub(copy);
            results.Add(new ComposedExample("example", copy, true, Array.Empty<string>(), Array.Empty<string>()));
        }

        if (content["schema"] is JObject schema) results.AddRange(Compose(schema));
        return results;
    }

    private JObject? Response(string operationId, string status) => _refs.Resolve(Find(operationId).Node["responses"]?[status]);

    private static JObject? Content(JObject? holder) => (holder?["content"] as JObject)?.Properties().FirstOrDefault()?.Value as JObject;

    private (string Path, string Method, JObject Node) Find(string operationId) =>
        _operations.TryGetValue(operationId ?? throw new ArgumentNullException(nameof(operationId)), out var entry)
            ? entry
            : throw new ArgumentException($"Operation '{operationId}' is not in the document.", nameof(operationId));
}
