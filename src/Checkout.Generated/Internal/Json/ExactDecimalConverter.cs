using System;
using Newtonsoft.Json;

namespace Checkout.Generated.Internal;

/// <summary>Writes a <see cref="decimal"/> with the digits it was read with: <c>1040</c> stays <c>1040</c> (Newtonsoft writes <c>1040.0</c>).</summary>
internal sealed class ExactDecimalConverter : JsonConverter
{
    public override bool CanRead => false;

    public override bool CanConvert(Type objectType) => objectType == typeof(decimal) || objectType == typeof(decimal?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("Decimals are read by the serializer.");

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not decimal number)
        {
            writer.WriteNull();
            return;
        }
        var scale = (decimal.GetBits(number)[3] >> 16) & 0xFF;
        if (scale == 0 && number >= long.MinValue && number <= long.MaxValue) writer.WriteValue((long)number);
        else writer.WriteValue(number);
    }
}
