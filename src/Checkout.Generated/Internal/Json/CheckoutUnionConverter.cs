using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Internal;

/// <summary>
/// Reads and writes a generated union (a body documented as one of several schemas without discriminator): it writes
/// the one alternative it holds, and reads the first alternative whose JSON type (object, array, string, …) matches.
/// </summary>
internal sealed class CheckoutUnionConverter : JsonConverter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Alternatives = new();

    public override bool CanConvert(Type objectType) => true;

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }
        var alternatives = Of(value.GetType());
        object? held = null;
        var count = 0;
        foreach (var alternative in alternatives)
        {
            if (alternative.GetValue(value) is not { } candidate) continue;
            held = candidate;
            count++;
        }
        if (count != 1)
            throw new JsonSerializationException($"{value.GetType().Name} must hold exactly one of {string.Join(", ", alternatives.Select(p => p.Name))} (it holds {count}).");
        serializer.Serialize(writer, held);
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null) return null;
        // The reader's token tells the JSON type: the value is read straight from it, not buffered first.
        var kind = KindOf(reader.TokenType);
        PropertyInfo? match = null;
        foreach (var alternative in Of(objectType))
        {
            if (!Matches(alternative.PropertyType, kind)) continue;
            match = alternative;
            break;
        }
        if (match is null)
        {
            var found = kind.ToString().ToLowerInvariant();
            reader.Skip();
            throw new JsonSerializationException($"A JSON {found} matches none of {objectType.Name}'s alternatives.");
        }
        var union = Activator.CreateInstance(objectType)!;
        match.SetValue(union, serializer.Deserialize(reader, match.PropertyType));
        return union;
    }

    private static JTokenType KindOf(JsonToken token) => token switch
    {
        JsonToken.StartObject => JTokenType.Object,
        JsonToken.StartArray => JTokenType.Array,
        JsonToken.String => JTokenType.String,
        JsonToken.Integer => JTokenType.Integer,
        JsonToken.Float => JTokenType.Float,
        JsonToken.Boolean => JTokenType.Boolean,
        JsonToken.Date => JTokenType.Date,
        JsonToken.Bytes => JTokenType.Bytes,
        JsonToken.Undefined => JTokenType.Undefined,
        _ => JTokenType.None,
    };

    private static PropertyInfo[] Of(Type type) => Alternatives.GetOrAdd(type, t => t
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<JsonPropertyAttribute>() is not null && p.CanWrite)
        .ToArray());

    private static bool Matches(Type type, JTokenType token)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var array = underlying != typeof(string) && typeof(IEnumerable).IsAssignableFrom(underlying) && !typeof(IDictionary).IsAssignableFrom(underlying);
        return token switch
        {
            JTokenType.Array => array,
            JTokenType.Object => !array && underlying.IsClass && underlying != typeof(string),
            JTokenType.String => underlying == typeof(string) || underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime) || underlying == typeof(Guid),
            JTokenType.Integer or JTokenType.Float => underlying.IsPrimitive || underlying == typeof(decimal),
            JTokenType.Boolean => underlying == typeof(bool),
            _ => false,
        };
    }
}
