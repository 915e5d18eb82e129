using System;
using System.Reflection;
using Newtonsoft.Json;

namespace Checkout.Generated.Internal;

/// <summary>
/// Reads and writes a generated value type (an extensible enum, <c>build/templates/Enum.liquid</c>) as its string, any
/// string accepted unchanged. Model properties bypass it (they keep the string); it serves values in lists, dictionaries
/// and on their own. A JSON value that is not a string is a read error naming the path, never coerced.
/// </summary>
internal sealed class CheckoutValueConverter<T> : JsonConverter where T : struct
{
    private static readonly Func<string, T> Create = (Func<string, T>)typeof(T)
        .GetMethod("op_Implicit", BindingFlags.Public | BindingFlags.Static, null, [typeof(string)], null)!
        .CreateDelegate(typeof(Func<string, T>));

    public override bool CanConvert(Type objectType) => objectType == typeof(T) || objectType == typeof(T?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null && objectType == typeof(T?)) return null;
        if (reader.TokenType != JsonToken.String)
        {
            throw new JsonSerializationException($"Expected a string for {typeof(T).Name} at '{reader.Path}', found {reader.TokenType}.");
        }
        return Create((string)reader.Value!);
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        // default(T) holds no value: written as null, as an unset string property would be.
        if (value is null || value.Equals(default(T))) writer.WriteNull();
        else writer.WriteValue(value.ToString());
    }
}
