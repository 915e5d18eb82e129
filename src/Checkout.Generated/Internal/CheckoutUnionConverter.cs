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
        var held = Of(value.GetType()).Select(p => p.GetValue(value)).Where(v => v is not null).ToList();
        if (held.Count != 1)
            throw new JsonSerializationException($"{value.GetType().Name} must hold exactly one of {string.Join(", ", Of(value.GetType()).Select(p => p.Name))} (it holds {held.Count}).");
        serializer.Serialize(writer, held[0]);
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null) return null;
        var token = JToken.Load(reader);
        var union = Activator.CreateInstance(objectType)!;
        var alternative = Of(objectType).FirstOrDefault(p => Matches(p.PropertyType, token.Type))
            ?? throw new JsonSerializationException($"A JSON {token.Type.ToString().ToLowerInvariant()} matches none of {objectType.Name}'s alternatives.");
        alternative.SetValue(union, token.ToObject(alternative.PropertyType, serializer));
        return union;
    }

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
