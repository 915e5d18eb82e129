using System;
using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;

namespace Checkout.Generated.Internal;

/// <summary>
/// Reads a 64-bit integer field strictly: a number with a fraction (<c>65.4</c>) is an error naming the path, where
/// Newtonsoft would round it (it reads <c>int</c> fields strictly already). A whole number written with a fraction
/// (<c>65.0</c>) reads as it is. Writing is Newtonsoft's.
/// </summary>
internal sealed class Int64Converter : JsonConverter
{
    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => objectType == typeof(long) || objectType == typeof(long?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Integer when reader.Value is long whole:
                return whole;
            case JsonToken.Integer when reader.Value is BigInteger big:
                return big >= long.MinValue && big <= long.MaxValue ? (long)big : throw Error(reader, "an integer outside the 64-bit range");
            case JsonToken.Integer:
                return Convert.ToInt64(reader.Value, CultureInfo.InvariantCulture);
            case JsonToken.Float:
                return FromNumber(reader);
            case JsonToken.String:
                var text = (string)reader.Value!;
                if (text.Length == 0 && objectType == typeof(long?)) return null;
                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw Error(reader, "a string that is not an integer");
            case JsonToken.Null when objectType == typeof(long?):
                return null;
            default:
                throw Error(reader, "a JSON " + reader.TokenType.ToString().ToLowerInvariant());
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) =>
        throw new NotSupportedException("64-bit integers are written by the serializer.");

    private static long FromNumber(JsonReader reader)
    {
        decimal number;
        try
        {
            number = Convert.ToDecimal(reader.Value, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            throw Error(reader, "a number outside the 64-bit range");
        }
        if (number != decimal.Truncate(number)) throw Error(reader, "a number with a fraction");
        if (number < long.MinValue || number > long.MaxValue) throw Error(reader, "a number outside the 64-bit range");
        return (long)number;
    }

    /// <summary>Names the path and what was found, never the value.</summary>
    private static JsonSerializationException Error(JsonReader reader, string found)
    {
        var info = reader as IJsonLineInfo;
        return new JsonSerializationException($"Expected an integer (64-bit) at '{reader.Path}', found {found}.", reader.Path, info?.LineNumber ?? 0, info?.LinePosition ?? 0, null);
    }
}
