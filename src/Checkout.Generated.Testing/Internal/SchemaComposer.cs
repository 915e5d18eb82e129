using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>One composition pass: builds an instance of a schema, taking the given choice at each discriminator or oneOf site.</summary>
internal sealed class SchemaComposer
{
    private const int MaxDepth = 14;
    private readonly SchemaReferences _refs;
    private readonly IReadOnlyDictionary<string, int> _choices;
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    public SchemaComposer(SchemaReferences refs, IReadOnlyDictionary<string, int> choices)
    {
        _refs = refs;
        _choices = choices;
    }

    /// <summary>Choice sites met in this pass: site key → option labels (discriminator sites have labels <c>Base:value</c>).</summary>
    public Dictionary<string, (IReadOnlyList<string> Options, bool Discriminator)> Sites { get; } = new(StringComparer.Ordinal);

    /// <summary>Discriminator subtypes chosen in this pass.</summary>
    public HashSet<string> Chosen { get; } = new(StringComparer.Ordinal);

    public JToken? Compose(JToken? node, string path) => Compose(node, path, 0, false);

    // asBase: the schema is an allOf part of a subtype, so its own discriminator is not expanded again.
    private JToken? Compose(JToken? node, string path, int depth, bool asBase)
    {
        if (node is not JObject raw || depth > MaxDepth) return null;
        if (raw["example"] is { } siblingExample && raw["$ref"] is not null && Conforms(raw, siblingExample)) return siblingExample.DeepClone();
        var schema = _refs.Resolve(raw, out var name);
        if (schema is null) return null;
        var reentry = name is not null && asBase && _inProgress.Contains(name);
        if (name is not null && !reentry && !_inProgress.Add(name)) return null;
        try
        {
            return ComposeResolved(schema, name, path, depth, asBase);
        }
        finally
        {
            if (name is not null && !reentry) _inProgress.Remove(name);
        }
    }

    private JToken? ComposeResolved(JObject schema, string? name, string path, int depth, bool asBase)
    {
        var discriminated = schema["discriminator"] is JObject && !asBase;
        if (discriminated && DiscriminatorMapping(schema).Count > 0) return ComposeDiscriminated(schema, name ?? "schema", path, depth);
        if (schema["oneOf"] is JArray oneOf && oneOf.Count > 0) return ComposeBranch(schema, oneOf, path, depth);
        if (schema["anyOf"] is JArray anyOf && anyOf.Count > 0) return ComposeBranch(schema, anyOf, path, depth);
        // A body that is one of several shapes (an untyped body, or a generated union class): compose each shape.
        if (schema["x-checkout-one-of"] is JArray union && union.Count > 0 && (schema["type"] is null || schema["x-checkout-union"] is not null)) return ComposeBranch(schema, union, path, depth);
        if (schema["example"] is { } example && schema["allOf"] is null && Conforms(schema, example)) return example.DeepClone();

        var type = (string?)schema["type"];
        if (schema["allOf"] is JArray || schema["properties"] is JObject || type == "object") return ComposeObject(schema, path, depth, asBase);
        if (type == "array") return ComposeArray(schema, path, depth);
        return Scalar(schema, type, path);
    }

    private static Dictionary<string, string> DiscriminatorMapping(JObject schema)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        if (schema["discriminator"]?["mapping"] is JObject map)
        {
            foreach (var entry in map.Properties()) if (entry.Value.Type == JTokenType.String) mapping[entry.Name] = (string)entry.Value!;
        }

        return mapping;
    }

    private JToken? ComposeDiscriminated(JObject schema, string baseName, string path, int depth)
    {
        var mapping = DiscriminatorMapping(schema);
        var property = (string?)schema["discriminator"]!["propertyName"] ?? "type";
        var keys = mapping.Keys.ToList();
        var site = path + "@" + baseName;
        var labels = keys.Select(k => baseName + ":" + k).ToList();
        Sites[site] = (labels, true);
        var index = _choices.TryGetValue(site, out var chosen) && chosen < keys.Count ? chosen : 0;
        var key = keys[index];
        Chosen.Add(labels[index]);
        var target = new JObject { ["$ref"] = mapping[key] };
        var instance = Compose(target, path, depth + 1, false) as JObject ?? ComposeObject(schema, path, depth, false) as JObject ?? new JObject();
        instance[property] = key;
        return instance;
    }

    private JToken? ComposeBranch(JObject schema, JArray branches, string path, int depth)
    {
        var labels = branches.Select((b, i) => b["$ref"] is JValue r ? ((string)r!).Substring(((string)r!).LastIndexOf('/') + 1) : "#" + i).ToList();
        var site = path + "@" + string.Join("|", labels);
        if (branches.Count > 1) Sites[site] = (labels, false);
        var index = _choices.TryGetValue(site, out var chosen) && chosen < branches.Count ? chosen : 0;
        var composed = Compose(branches[index], path, depth + 1, false);
        // A generated union's properties are its alternatives, not fields: only a real schema's own fields are merged.
        if (composed is JObject obj && schema["properties"] is JObject && schema["x-checkout-union"] is null)
        {
            if (ComposeObject(schema, path, depth, true) is JObject own) Merge(obj, own);
        }

        return composed;
    }

    private JToken? ComposeObject(JObject schema, string path, int depth, bool asBase)
    {
        var instance = new JObject();
        JToken? nonObject = null;
        if (schema["allOf"] is JArray parts)
        {
            foreach (var part in parts)
            {
                var composed = Compose(part, path, depth + 1, true);
                if (composed is JObject obj) Merge(instance, obj);
                else if (composed is not null) nonObject = composed;
            }
        }

        // allOf wrapping a scalar or array schema (a description added to a shared type) stands for that value.
        if (nonObject is not null && instance.Count == 0 && schema["properties"] is null) return schema["example"] is { } own && Conforms(schema, own) ? own.DeepClone() : nonObject;

        var required = new HashSet<string>((schema["required"] as JArray)?.Select(r => (string)r!) ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        if (schema["properties"] is JObject properties)
        {
            foreach (var property in properties.Properties())
            {
                if (property.Value is JObject p && (p["readOnly"]?.Type == JTokenType.Boolean && (bool)p["readOnly"]! && !required.Contains(property.Name))) continue;
                var value = Compose(property.Value, path + "." + property.Name, depth + 1, false);
                if (value is null && required.Contains(property.Name)) value = new JObject();
                if (value is not null) instance[property.Name] = value;
            }
        }
        else if (schema["additionalProperties"] is JObject additional && instance.Count == 0)
        {
            var value = Compose(additional, path + ".key", depth + 1, false);
            if (value is not null) instance["key"] = value;
        }

        // A required field the schema forgets to declare still gets a value (asBase: the subtype's own parts may declare it).
        if (!asBase)
        {
            foreach (var name in required.Where(r => instance[r] is null)) instance[name] = name;
        }

        if (schema["example"] is JObject example && Conforms(schema, example))
        {
            foreach (var entry in example.Properties()) instance[entry.Name] = entry.Value.DeepClone();
        }

        return instance;
    }

    /// <summary>Whether an example agrees with its schema's declared types; examples that contradict it are not used.</summary>
    private bool Conforms(JToken? node, JToken example, int depth = 0)
    {
        if (depth > 10) return true;
        var raw = node as JObject;
        var schema = _refs.Resolve(raw is not null && raw["$ref"] is not null ? new JObject { ["$ref"] = raw["$ref"]!.DeepClone() } : node);
        if (schema is null || example.Type == JTokenType.Null) return true;
        if (schema["allOf"] is JArray all && !all.All(part => Conforms(part, example, depth + 1))) return false;
        foreach (var key in new[] { "oneOf", "anyOf", "x-checkout-one-of" })
        {
            if (schema[key] is JArray { Count: > 0 } any && !any.Any(part => Conforms(part, example, depth + 1))) return false;
        }

        var type = (string?)schema["type"] ?? (schema["properties"] is JObject ? "object" : null);
        switch (type)
        {
            case "object":
                if (example is not JObject obj) return false;
                return obj.Properties().All(p => schema["properties"]?[p.Name] is not JObject property || Conforms(property, p.Value, depth + 1));
            case "array":
                return example is JArray array && array.All(item => Conforms(schema["items"], item, depth + 1));
            case "string":
                return example.Type is JTokenType.String or JTokenType.Date or JTokenType.Guid or JTokenType.Uri;
            case "integer":
                return example.Type == JTokenType.Integer;
            case "number":
                return example.Type is JTokenType.Integer or JTokenType.Float;
            case "boolean":
                return example.Type == JTokenType.Boolean;
            default:
                return true;
        }
    }

    private JToken? ComposeArray(JObject schema, string path, int depth)
    {
        var item = Compose(schema["items"], path + "[]", depth + 1, false);
        return item is null ? new JArray() : new JArray(item);
    }

    private static JToken Scalar(JObject schema, string? type, string path)
    {
        if ((schema["x-enum-values"] ?? schema["enum"]) is JArray { Count: > 0 } values) return values[0].DeepClone();
        if (schema["default"] is { Type: not JTokenType.Null } defaultValue) return defaultValue.DeepClone();
        var format = (string?)schema["format"];
        switch (type)
        {
            case "integer":
                return schema["minimum"] is JValue min && min.Type is JTokenType.Integer or JTokenType.Float ? new JValue((long)Math.Ceiling((double)min!)) : new JValue(1);
            case "number":
                return schema["minimum"] is JValue nmin && nmin.Type is JTokenType.Integer or JTokenType.Float ? nmin.DeepClone() : new JValue(10);
            case "boolean":
                return new JValue(true);
        }

        return format switch
        {
            "date-time" => "2023-02-23T10:00:00Z",
            "date" => "2023-02-23",
            "email" => "jane.doe@example.com",
            "uri" or "url" => "https://example.com/",
            "uuid" => "3c1b1c6e-0f6b-4d3e-9a43-2c8d2f3e8a11",
            "ipv4" => "192.0.2.1",
            "ipv6" => "2001:db8::1",
            _ => StringFor(schema, path),
        };
    }

    private static string StringFor(JObject schema, string path)
    {
        var name = path.Substring(path.LastIndexOf('.') + 1).TrimEnd(']', '[');
        var text = string.IsNullOrEmpty(name) || name.StartsWith("@", StringComparison.Ordinal) ? "string" : name;
        var min = schema["minLength"] is JValue m && m.Type == JTokenType.Integer ? (int)m : 0;
        var max = schema["maxLength"] is JValue x && x.Type == JTokenType.Integer ? (int)x : int.MaxValue;
        if (text.Length < min) text = text.PadRight(min, 'x');
        if (text.Length > max) text = text.Substring(0, Math.Max(max, 1));
        return text;
    }

    private static void Merge(JObject target, JObject source)
    {
        foreach (var property in source.Properties())
        {
            if (target[property.Name] is JObject existing && property.Value is JObject incoming) Merge(existing, incoming);
            else target[property.Name] = property.Value.DeepClone();
        }
    }
}
