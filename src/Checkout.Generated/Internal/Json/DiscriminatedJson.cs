using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Checkout.Generated.Internal;

/// <summary>
/// How the generated <c>JsonInheritanceConverter</c> reads and writes a discriminated object without an intermediate
/// <see cref="JObject"/>: it writes the discriminator and then the object's members straight from its contract, and
/// reads the subtype after looking ahead for the discriminator, wherever it stands among the object's keys.
/// </summary>
internal static class DiscriminatedJson
{
    /// <summary>Writes <paramref name="value"/>: its discriminator value first (when its type has one), then its members.</summary>
    public static void Write(JsonWriter writer, object value, JsonSerializer serializer, string discriminatorName, string? discriminatorValue)
    {
        if (serializer.ContractResolver.ResolveContract(value.GetType()) is not JsonObjectContract contract)
            throw new JsonSerializationException($"{value.GetType().Name} is not written as a JSON object, so it cannot carry the '{discriminatorName}' discriminator.");
        using var guard = WriteGuard.Enter(value, writer);
        Invoke(contract.OnSerializingCallbacks, value, serializer);
        writer.WriteStartObject();
        var skipped = discriminatorValue is null ? null : discriminatorName;
        if (discriminatorValue is not null)
        {
            writer.WritePropertyName(discriminatorName);
            writer.WriteValue(discriminatorValue);
        }
        ObjectMembers.Write(writer, value, contract, serializer, skipped);
        writer.WriteEndObject();
        Invoke(contract.OnSerializedCallbacks, value, serializer);
    }

    /// <summary>
    /// Reads the object at the reader into the subtype its discriminator selects (from <paramref name="map"/>), or into
    /// <paramref name="objectType"/> when the discriminator is missing, not a string or unknown (it then stays in
    /// <c>AdditionalProperties</c>). A subtype that does not declare the discriminator property does not receive it.
    /// Wherever the discriminator stands among the keys, no tree is built: the tokens before it are looked ahead over and
    /// replayed to the serializer (<see cref="ReplayingJsonReader"/>), the rest is read straight from the reader.
    /// </summary>
    public static object? Read(JsonReader reader, Type objectType, JsonSerializer serializer, string discriminatorName, DiscriminatorMap map)
    {
        if (reader.TokenType != JsonToken.StartObject) return ReadBuffered(reader, objectType, serializer, discriminatorName, map);

        var replay = new ReplayingJsonReader(reader);
        replay.RecordCurrent();
        var found = LookAhead(reader, replay, discriminatorName, out var value);
        replay.LookAheadEnded(found ? discriminatorName : "");
        var subtype = map.SubtypeOf(value);
        var contract = ContractOf(subtype ?? objectType, serializer);
        // The discriminator and its value were the last tokens recorded.
        if (subtype is not null && !Declares(contract, discriminatorName)) replay.ForgetLast(2);
        var instance = Create(contract, serializer);
        serializer.Populate(replay, instance);
        replay.Release();
        return instance;
    }

    /// <summary>
    /// Reads (and records) the object's tokens up to its own member named <paramref name="discriminatorName"/> and that
    /// member's first value token, or to the object's end; <paramref name="value"/> is the value when it is a string.
    /// </summary>
    private static bool LookAhead(JsonReader reader, ReplayingJsonReader replay, string discriminatorName, out string? value)
    {
        value = null;
        var depth = 0;
        while (reader.Read())
        {
            replay.RecordCurrent();
            switch (reader.TokenType)
            {
                case JsonToken.PropertyName when depth == 0 && string.Equals((string?)reader.Value, discriminatorName, StringComparison.Ordinal):
                    if (!reader.Read()) return true;
                    replay.RecordCurrent();
                    if (reader.TokenType == JsonToken.String) value = (string?)reader.Value;
                    return true;
                case JsonToken.StartObject or JsonToken.StartArray or JsonToken.StartConstructor:
                    depth++;
                    break;
                case JsonToken.EndObject or JsonToken.EndArray or JsonToken.EndConstructor:
                    if (depth-- == 0) return false;
                    break;
            }
        }
        return false;
    }

    /// <summary>Not at an object (JSON null, another value, no token yet): read as a tree, as before, for the same result or error.</summary>
    private static object? ReadBuffered(JsonReader reader, Type objectType, JsonSerializer serializer, string discriminatorName, DiscriminatorMap map)
    {
        var buffered = serializer.Deserialize<JObject>(reader);
        if (buffered is null) return null;
        var discriminator = buffered.GetValue(discriminatorName, StringComparison.Ordinal);
        var subtype = map.SubtypeOf(discriminator is { Type: JTokenType.String } ? discriminator.Value<string>() : null);
        var contract = ContractOf(subtype ?? objectType, serializer);
        if (subtype is not null && !Declares(contract, discriminatorName)) buffered.Remove(discriminatorName);
        var instance = Create(contract, serializer);
        using var tokens = buffered.CreateReader();
        serializer.Populate(tokens, instance);
        return instance;
    }

    private static JsonObjectContract ContractOf(Type type, JsonSerializer serializer) =>
        serializer.ContractResolver.ResolveContract(type) as JsonObjectContract
        ?? throw new JsonSerializationException($"{type.Name} is not read from a JSON object, so it cannot be selected by a discriminator.");

    private static bool Declares(JsonObjectContract contract, string name) => contract.Properties.GetProperty(name, StringComparison.Ordinal) is not null;

    private static object Create(JsonObjectContract contract, JsonSerializer serializer)
    {
        if (contract.DefaultCreator is { } create && contract.OverrideCreator is null
            && (!contract.DefaultCreatorNonPublic || serializer.ConstructorHandling == ConstructorHandling.AllowNonPublicDefaultConstructor))
            return create();
        throw new JsonSerializationException($"Could not create an instance of type {contract.UnderlyingType}: it has no public parameterless constructor (an abstract base is read only through a known discriminator value).");
    }

    private static void Invoke(IList<SerializationCallback> callbacks, object value, JsonSerializer serializer)
    {
        for (var i = 0; i < callbacks.Count; i++) callbacks[i](value, serializer.Context);
    }

    /// <summary>Stops a discriminated object that contains itself with an error instead of a stack overflow.</summary>
    private readonly struct WriteGuard : IDisposable
    {
        [ThreadStatic]
        private static List<object>? _writing;

        public static WriteGuard Enter(object value, JsonWriter writer)
        {
            var writing = _writing ??= new List<object>();
            for (var i = 0; i < writing.Count; i++)
            {
                if (ReferenceEquals(writing[i], value))
                    throw new JsonSerializationException($"Self referencing loop detected with type '{value.GetType()}'. Path '{writer.Path}'.");
            }
            writing.Add(value);
            return default;
        }

        public void Dispose() => _writing!.RemoveAt(_writing.Count - 1);
    }
}
