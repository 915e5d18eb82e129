using System;
using System.Collections;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Checkout.Generated.Internal;

/// <summary>
/// Writes an object's members the way Newtonsoft's serializer does (its contract's properties in order, then its
/// extension data), for a converter that adds a member of its own: ShouldSerialize/IsSpecified, null and default value
/// handling, required members, per-property converters. Each value is written through the serializer passed in.
/// </summary>
internal static class ObjectMembers
{
    /// <summary>Writes the members of <paramref name="value"/> except those named <paramref name="skipped"/> (ordinal).</summary>
    public static void Write(JsonWriter writer, object value, JsonObjectContract contract, JsonSerializer serializer, string? skipped)
    {
        var properties = contract.Properties;
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            if (property.Ignored || !property.Readable || property.PropertyName is not { } name) continue;
            if (skipped is not null && string.Equals(name, skipped, StringComparison.Ordinal)) continue;
            if (property.ShouldSerialize is { } shouldSerialize && !shouldSerialize(value)) continue;
            if (property.GetIsSpecified is { } isSpecified && !isSpecified(value)) continue;
            var member = property.ValueProvider!.GetValue(value);
            if (member is null && (property.NullValueHandling ?? serializer.NullValueHandling) == NullValueHandling.Ignore) continue;
            if (IgnoresDefault(property, serializer) && ValueEquals(member, DefaultOf(property))) continue;
            if (member is null) CheckRequired(property, contract, writer);

            writer.WritePropertyName(name);
            if (member is null) writer.WriteNull();
            else if (property.Converter is { CanWrite: true } converter) converter.WriteJson(writer, member, serializer);
            else if (property.ItemConverter is { CanWrite: true } itemConverter && member is IEnumerable items and not IDictionary) WriteItems(writer, items, itemConverter, serializer);
            else serializer.Serialize(writer, member);
        }

        if (contract.ExtensionDataGetter?.Invoke(value) is not { } extensionData) return;
        foreach (var pair in extensionData)
        {
            var name = Convert.ToString(pair.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            if (contract.ExtensionDataNameResolver is { } resolve) name = resolve(name);
            if (skipped is not null && string.Equals(name, skipped, StringComparison.Ordinal)) continue;
            writer.WritePropertyName(name);
            serializer.Serialize(writer, pair.Value);
        }
    }

    private static void WriteItems(JsonWriter writer, IEnumerable items, JsonConverter converter, JsonSerializer serializer)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            if (item is null) writer.WriteNull();
            else converter.WriteJson(writer, item, serializer);
        }
        writer.WriteEndArray();
    }

    private static void CheckRequired(JsonProperty property, JsonObjectContract contract, JsonWriter writer)
    {
        var required = property.IsRequiredSpecified ? property.Required : contract.ItemRequired ?? Required.Default;
        if (required == Required.Always)
            throw new JsonSerializationException($"Cannot write a null value for property '{property.PropertyName}'. Property requires a value. Path '{writer.Path}'.");
        if (required == Required.DisallowNull)
            throw new JsonSerializationException($"Cannot write a null value for property '{property.PropertyName}'. Property requires a non-null value. Path '{writer.Path}'.");
    }

    private static bool IgnoresDefault(JsonProperty property, JsonSerializer serializer) =>
        ((property.DefaultValueHandling ?? serializer.DefaultValueHandling) & DefaultValueHandling.Ignore) == DefaultValueHandling.Ignore;

    private static object? DefaultOf(JsonProperty property)
    {
        if (property.DefaultValue is { } explicitDefault) return explicitDefault;
        var type = property.PropertyType;
        return type is { IsValueType: true } && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
    }

    /// <summary>Newtonsoft's default-value comparison: integers and floating-point numbers compare by value across types.</summary>
    private static bool ValueEquals(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a.GetType() == b.GetType()) return a.Equals(b);
        if (IsInteger(a) && IsInteger(b)) return Convert.ToDecimal(a, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDecimal(b, System.Globalization.CultureInfo.InvariantCulture);
        if (a is double or float or decimal && b is double or float or decimal)
            return Math.Abs(Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture) - Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture)) < 1e-10;
        return false;
    }

    private static bool IsInteger(object value) => value is sbyte or byte or short or ushort or int or uint or long or ulong;
}
