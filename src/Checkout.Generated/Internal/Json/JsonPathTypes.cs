using System;
using System.Collections.Generic;
using System.Text;
using Newtonsoft.Json.Serialization;

namespace Checkout.Generated.Internal;

/// <summary>Which type a model expects at a JSON path (<c>source.amount</c>, <c>data[0].id</c>), found from its contracts.</summary>
internal static class JsonPathTypes
{
    /// <summary>A short description of the type <paramref name="root"/> reads at <paramref name="path"/>, or null when the path leaves the model.</summary>
    public static string? Expected(Type root, string? path, IContractResolver resolver)
    {
        var type = root;
        foreach (var (name, index) in Segments(path ?? ""))
        {
            var contract = resolver.ResolveContract(Nullable.GetUnderlyingType(type) ?? type);
            switch (contract)
            {
                case JsonObjectContract model when name is not null:
                    var property = model.Properties.GetClosestMatchProperty(name);
                    if (property?.PropertyType is null || property.Ignored) return null;
                    type = property.PropertyType;
                    break;
                case JsonArrayContract list when index:
                    type = list.CollectionItemType ?? typeof(object);
                    break;
                case JsonDictionaryContract map when name is not null:
                    type = map.DictionaryValueType ?? typeof(object);
                    break;
                default:
                    return null;
            }
        }
        return Describe(type, resolver);
    }

    private static string Describe(Type type, IContractResolver resolver)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(long) || plain == typeof(ulong)) return "an integer (64-bit)";
        if (plain == typeof(int) || plain == typeof(uint) || plain == typeof(short) || plain == typeof(byte)) return "an integer (32-bit)";
        if (plain == typeof(decimal) || plain == typeof(double) || plain == typeof(float)) return "a number";
        if (plain == typeof(bool)) return "a boolean";
        if (plain == typeof(string)) return "a string";
        if (plain == typeof(DateTimeOffset) || plain == typeof(DateTime)) return "an ISO 8601 timestamp string";
        if (plain == typeof(object)) return "any JSON value";
        if (plain.IsEnum) return $"a string ({plain.Name})";
        return resolver.ResolveContract(plain) switch
        {
            JsonArrayContract => $"an array ({plain.Name})",
            JsonDictionaryContract => "an object (a map)",
            JsonObjectContract => $"an object ({plain.Name})",
            _ => $"a {plain.Name}",
        };
    }

    /// <summary>The segments of a Newtonsoft path: property names (plain or <c>['quoted']</c>) and array indexes.</summary>
    private static IEnumerable<(string? Name, bool Index)> Segments(string path)
    {
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
                continue;
            }
            if (path[i] == '[')
            {
                if (i + 1 < path.Length && path[i + 1] == '\'')
                {
                    var name = new StringBuilder();
                    i += 2;
                    while (i < path.Length && !(path[i] == '\'' && i + 1 < path.Length && path[i + 1] == ']'))
                    {
                        if (path[i] == '\\' && i + 1 < path.Length) i++;
                        name.Append(path[i++]);
                    }
                    i += 2;
                    yield return (name.ToString(), false);
                }
                else
                {
                    var end = path.IndexOf(']', i);
                    i = end < 0 ? path.Length : end + 1;
                    yield return (null, true);
                }
                continue;
            }
            var start = i;
            while (i < path.Length && path[i] != '.' && path[i] != '[') i++;
            yield return (path.Substring(start, i - start), false);
        }
    }
}
