using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Shaping;

/// <summary>The state of one naming pass over the component schemas: final names decided so far and the names taken.</summary>
internal sealed class TypeNamer
{
    private readonly JObject _document;
    private readonly JObject _schemas;
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _deciding = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _users;

    public TypeNamer(JObject document, JObject schemas)
    {
        _document = document;
        _schemas = schemas;
        foreach (var component in schemas.Properties())
        {
            if (component.Value is not JObject schema) continue;
            if (Origin.Of(schema) is { } origin) Roles(origin.Owner).Add(origin.Role);
            foreach (var property in (schema["properties"] as JObject)?.Properties() ?? [])
            {
                if (property.Value is JObject value && HasKnownValues(value)) Roles(Origin.Schema(component.Name)).Add(Names.Identifier(property.Name));
            }
        }
        _users = Users(document, schemas);
    }

    /// <summary>Component key → final type name.</summary>
    public Dictionary<string, string> Final { get; } = new(StringComparer.Ordinal);

    public bool IsFree(string name) => !_taken.Contains(name);

    public void Take(string name) => _taken.Add(name);

    /// <summary><paramref name="wanted"/>, else with 2, 3, … appended: the first name not taken (which it then takes).</summary>
    public string Free(string wanted)
    {
        var name = wanted;
        for (var i = 2; !IsFree(name); i++) name = wanted + i;
        _taken.Add(name);
        return name;
    }

    /// <summary>
    /// The components in the order they are named: first those the spec named that keep their name (rule 1 alone),
    /// (those already identifiers before those made so), so a created or qualified type never takes a name the spec
    /// gives; then the others, in document order.
    /// </summary>
    public IReadOnlyList<string> Order()
    {
        var spec = _schemas.Properties().Where(p => p.Value is JObject s && Origin.Of(s) is null && !NamingAuthority.NeedsQualifier(NamingAuthority.SpecTypeName(p.Name))).ToList();
        return spec.Where(p => NamingAuthority.SpecTypeName(p.Name) == p.Name).Concat(spec).Concat(_schemas.Properties())
            .Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The final name of component <paramref name="key"/>, deciding its owner's first.</summary>
    public string Decide(string key)
    {
        if (Final.TryGetValue(key, out var known)) return known;
        if (_schemas[key] is not JObject schema || !_deciding.Add(key)) return NamingAuthority.SpecTypeName(key);
        string wanted;
        if (Origin.Of(schema) is { } origin) wanted = NamingAuthority.Child(Prefix(origin.Owner), origin.Role);
        else wanted = NamingAuthority.SpecTypeName(key);
        if (BecomesType(schema) && NamingAuthority.NeedsQualifier(wanted))
        {
            var users = _users.GetValueOrDefault(key) ?? [];
            wanted = NamingAuthority.Qualified(wanted, users, IsFree);
        }
        _deciding.Remove(key);
        return Final[key] = Free(wanted);
    }

    /// <summary>The prefix every child of a component (by key) or of an owner pointer starts with.</summary>
    public string Prefix(string ownerOrKey)
    {
        var pointer = ownerOrKey.StartsWith("#/", StringComparison.Ordinal) ? ownerOrKey : Origin.Schema(ownerOrKey);
        var roles = _roles.GetValueOrDefault(pointer);
        return NamingAuthority.OwnerPrefix(OwnerName(pointer), roles is null ? 0 : roles.Max(r => r.Length));
    }

    private string OwnerName(string pointer)
    {
        const string schemaPrefix = "#/components/schemas/";
        if (pointer.StartsWith(schemaPrefix, StringComparison.Ordinal))
        {
            return Decide(pointer[schemaPrefix.Length..].Replace("~1", "/").Replace("~0", "~"));
        }
        if (pointer.StartsWith("#/components/responses/", StringComparison.Ordinal)) return Names.Identifier(pointer.Split('/')[^1]);
        return Names.Identifier(OpenApi.Resolve(_document, pointer)?["operationId"]?.Value<string>() ?? "Operation");
    }

    private List<string> Roles(string owner) => _roles.TryGetValue(owner, out var list) ? list : _roles[owner] = [];

    /// <summary>A schema that is generated as a C# type (a class, or a constants class of known values), not a primitive.</summary>
    private static bool BecomesType(JObject schema) =>
        HasKnownValues(schema) || schema["properties"] is not null || schema["allOf"] is not null || schema["oneOf"] is not null
        || schema["anyOf"] is not null || schema["additionalProperties"] is JObject || schema["type"]?.Value<string>() is null or "object" or "array";

    /// <summary>An enum property whose known string values get a constants class.</summary>
    public static bool HasKnownValues(JObject schema)
    {
        var values = schema["$ref"] is null ? schema["x-enum-values"] ?? (schema["items"] as JObject)?["x-enum-values"] : null;
        return values is JArray { Count: > 0 } array && array.All(v => v.Type == JTokenType.String);
    }

    /// <summary>Component key → the names of what uses it: components referring to it, operations (their client, singular) sending or receiving it.</summary>
    private static Dictionary<string, List<string>> Users(JObject document, JObject schemas)
    {
        var users = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(JToken node, string user, string self)
        {
            foreach (var (pointer, o) in OpenApi.Objects(node))
            {
                if (pointer.Contains("/example", StringComparison.Ordinal) || o["$ref"]?.Value<string>() is not { } reference) continue;
                if (Discriminators.SchemaName(reference) is not { } target || target == self) continue;
                var list = users.TryGetValue(target, out var l) ? l : users[target] = [];
                if (!list.Contains(user)) list.Add(user);
            }
        }
        foreach (var component in schemas.Properties()) Add(component.Value, NamingAuthority.SpecTypeName(component.Name), component.Name);
        foreach (var response in (document["components"]?["responses"] as JObject)?.Properties() ?? []) Add(response.Value, Names.Identifier(response.Name), "");
        foreach (var path in (document["paths"] as JObject)?.Properties() ?? [])
        {
            foreach (var method in OpenApi.Methods)
            {
                if (path.Value[method] is not JObject operation) continue;
                var tag = (operation["tags"] as JArray)?.FirstOrDefault()?.Value<string>() ?? "";
                Add(operation, NamingAuthority.Singular(Names.Identifier(tag)), "");
            }
        }
        return users;
    }
}
