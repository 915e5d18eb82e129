using System;
using System.Globalization;
using Newtonsoft.Json;

namespace Checkout.Generated.Internal;

/// <summary>Reads and writes instants the way Checkout sends them: the offset kept, an offset-less timestamp taken as UTC.</summary>
internal static class JsonInstants
{
    private const string Seconds = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF";

    /// <summary>The instant at the reader's token (a string, or a date a reader configured to parse dates made of it).</summary>
    public static DateTimeOffset? Read(JsonReader reader, Type objectType)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null:
                if (Nullable.GetUnderlyingType(objectType) is null) throw Error(reader, "null");
                return null;
            case JsonToken.String:
                var text = (string)reader.Value!;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return parsed;
                throw Error(reader, "a string that is not one");
            case JsonToken.Date when reader.Value is DateTimeOffset instant:
                return instant;
            case JsonToken.Date when reader.Value is DateTime date:
                return date.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(date, TimeSpan.Zero) : new DateTimeOffset(date);
            default:
                throw Error(reader, "a JSON " + reader.TokenType.ToString().ToLowerInvariant());
        }
    }

    /// <summary><c>2023-06-15T07:03:01.9998684Z</c>, or with its offset (<c>+02:00</c>) when it has one.</summary>
    public static string Format(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero
            ? value.UtcDateTime.ToString(Seconds + "'Z'", CultureInfo.InvariantCulture)
            : value.ToString(Seconds + "zzz", CultureInfo.InvariantCulture);

    /// <summary>Names the path and what was found, never the value (it may be a card number echoed into the wrong field).</summary>
    private static JsonSerializationException Error(JsonReader reader, string found) =>
        new JsonSerializationException($"Expected an ISO 8601 timestamp at '{reader.Path}', found {found}.");
}
