using System;
using Newtonsoft.Json;

namespace Checkout.Generated.Internal;

/// <summary>
/// How a body is read into a model, by the clients and by <see cref="CheckoutJson"/> alike: one JSON value (comments
/// aside), not empty nor JSON null; a failure is a <see cref="JsonReadException"/> naming the path and the type expected.
/// </summary>
internal static class JsonRead
{
    /// <summary>The value at the reader as <paramref name="type"/>, the reader then at the end of its input.</summary>
    /// <exception cref="JsonReadException">The text is not one JSON value of that shape (the message holds no value).</exception>
    public static object Value(JsonReader reader, Type type, JsonSerializer serializer)
    {
        object? value;
        try
        {
            value = serializer.Deserialize(reader, type);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                    throw Fail("the body is not one JSON value: more content follows it", reader.Path, LineOf(reader));
            }
        }
        catch (JsonReadException)
        {
            throw;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            var path = (e as JsonReaderException)?.Path ?? (e as JsonSerializationException)?.Path ?? reader.Path;
            var at = Where(e) ?? LineOf(reader);
            if (e is JsonReaderException syntax && !IsConversion(syntax))
                throw Fail("the body is not complete, valid JSON", path, at);
            var expected = JsonPathTypes.Expected(type, path, serializer.ContractResolver);
            throw Fail("the body does not have the documented shape", path, at, expected is null ? null : $": {expected} was expected there");
        }

        return value ?? throw Fail("the body is empty or JSON null", reader.Path, LineOf(reader), $": {JsonPathTypes.Expected(type, "", serializer.ContractResolver)} was expected");
    }

    /// <summary>Newtonsoft reports a value of the wrong type found by its typed reads as a reader error: it is a shape error.</summary>
    private static bool IsConversion(JsonReaderException e) =>
        e.Message.StartsWith("Could not convert", StringComparison.Ordinal)
        || e.Message.StartsWith("Input string", StringComparison.Ordinal)
        || e.Message.StartsWith("Error converting", StringComparison.Ordinal);

    /// <summary>
    /// Where the exception places the error, when it says: the reader may stand past it (a discriminated object's keys are
    /// looked ahead over, then replayed to the serializer).
    /// </summary>
    private static (int Line, int Position)? Where(Exception e) => e switch
    {
        JsonReaderException { LineNumber: > 0 } r => (r.LineNumber, r.LinePosition),
        JsonSerializationException { LineNumber: > 0 } s => (s.LineNumber, s.LinePosition),
        _ => null,
    };

    private static (int Line, int Position) LineOf(JsonReader reader) =>
        ((reader as IJsonLineInfo)?.LineNumber ?? 0, (reader as IJsonLineInfo)?.LinePosition ?? 0);

    private static JsonReadException Fail(string what, string path, (int Line, int Position) at, string? expected = null) =>
        new($"{what} (JSON path '{path}', line {at.Line}, position {at.Position}){expected}", path, at.Line, at.Position);
}
