using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Checkout.Generated.Internal;

/// <summary>
/// A discriminated type's mapping (from its inheritance attributes), read by reflection once per type: which subtype a
/// discriminator value selects, and which value names the type itself.
/// </summary>
internal sealed class DiscriminatorMap
{
    private static readonly ConcurrentDictionary<Type, DiscriminatorMap> Maps = new();

    private readonly Dictionary<string, Type> _subtypes = new(StringComparer.Ordinal);

    private DiscriminatorMap(Type type, IEnumerable<KeyValuePair<string, Type>> mappings)
    {
        foreach (var mapping in mappings)
        {
            // The first mapping of a value wins; a mapped type that does not extend this type is never chosen.
            if (type.IsAssignableFrom(mapping.Value) && !_subtypes.ContainsKey(mapping.Key)) _subtypes.Add(mapping.Key, mapping.Value);
            if (OwnValue is null && mapping.Value == type) OwnValue = mapping.Key;
        }
    }

    /// <summary>The discriminator value that names this very type, or null (a base, or a type no value maps).</summary>
    public string? OwnValue { get; }

    /// <summary>The map of <paramref name="type"/>, built from <paramref name="mappingsOf"/> (its attributes, own and inherited, in order) on first use.</summary>
    public static DiscriminatorMap Of(Type type, Func<Type, IEnumerable<KeyValuePair<string, Type>>> mappingsOf)
    {
        if (Maps.TryGetValue(type, out var map)) return map;
        return Maps.GetOrAdd(type, new DiscriminatorMap(type, mappingsOf(type)));
    }

    /// <summary>The subtype a discriminator value selects, or null when the value is absent, not a string or unknown.</summary>
    public Type? SubtypeOf(string? value) => value is not null && _subtypes.TryGetValue(value, out var subtype) ? subtype : null;
}
