using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace Checkout.Generated.Internal;

/// <summary>
/// Reads and writes a generated union (a body, property, array item or map value documented as one of several schemas
/// without discriminator): it writes the one alternative it holds, and reads the alternative whose JSON type (object,
/// array, string, …) matches; among several object alternatives, the one whose fields fit the object best.
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
        // The reader's token tells the JSON type: when one alternative has it, the value is read straight from the reader.
        var kind = KindOf(reader.TokenType);
        PropertyInfo? match = null;
        var matches = 0;
        foreach (var alternative in Of(objectType))
        {
            if (!Matches(alternative.PropertyType, kind)) continue;
            match ??= alternative;
            matches++;
        }
        if (match is null)
        {
            var found = kind.ToString().ToLowerInvariant();
            reader.Skip();
            throw new JsonSerializationException($"A JSON {found} matches none of {objectType.Name}'s alternatives.");
        }
        var union = Activator.CreateInstance(objectType)!;
        if (matches > 1 && kind == JTokenType.Object)
        {
            // Several object alternatives: the object is buffered once and read as the one whose fields fit it best.
            var json = JObject.Load(reader);
            match = BestFit(objectType, json, serializer);
            match.SetValue(union, json.ToObject(match.PropertyType, serializer));
            return union;
        }
        match.SetValue(union, serializer.Deserialize(reader, match.PropertyType));
        return union;
    }

    /// <summary>Returns <paramref name="value"/>; a null one is an error (a union holds exactly one alternative).</summary>
    internal static T NotNull<T>(T value) => value is null ? throw new ArgumentNullException(nameof(value)) : value;

    /// <summary>
    /// The object alternative that fits <paramref name="json"/> best: every field it requires is present; then the most
    /// of the JSON's fields it declares; then (when it recognises any) the fewest it declares that are absent; then the first.
    /// </summary>
    private static PropertyInfo BestFit(Type objectType, JObject json, JsonSerializer serializer)
    {
        PropertyInfo? best = null;
        (bool Complete, int Known, int Missing) bestScore = default;
        foreach (var alternative in Of(objectType))
        {
            if (!Matches(alternative.PropertyType, JTokenType.Object)) continue;
            var type = Nullable.GetUnderlyingType(alternative.PropertyType) ?? alternative.PropertyType;
            if (serializer.ContractResolver.ResolveContract(type) is not JsonObjectContract contract)
            {
                best ??= alternative;
                continue;
            }
            var complete = true;
            int known = 0, missing = 0;
            foreach (var property in contract.Properties)
            {
                if (property.Ignored || property.PropertyName is null) continue;
                var present = json.Property(property.PropertyName, StringComparison.OrdinalIgnoreCase) is not null;
                if (present) known++;
                else
                {
                    missing++;
                    if (property.Required is Required.Always or Required.DisallowNull) complete = false;
                }
            }
            // Absent declared fields only tell alternatives apart once some field is recognised; else the first wins.
            var score = (complete, known, known > 0 ? missing : 0);
            if (best is null || Better(score, bestScore))
            {
                best = alternative;
                bestScore = score;
            }
        }
        return best!;
    }

    private static bool Better((bool Complete, int Known, int Missing) a, (bool Complete, int Known, int Missing) b) =>
        a.Complete != b.Complete ? a.Complete : a.Known != b.Known ? a.Known > b.Known : a.Missing < b.Missing;

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
