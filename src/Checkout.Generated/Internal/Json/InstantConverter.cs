using System;
using Newtonsoft.Json;

namespace Checkout.Generated.Internal;

/// <summary>Every <see cref="DateTimeOffset"/>: the offset Checkout sent is kept, an offset-less timestamp is UTC on every host.</summary>
internal sealed class InstantConverter : JsonConverter
{
    public override bool CanConvert(Type objectType) => objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        JsonInstants.Read(reader, objectType);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is DateTimeOffset instant) writer.WriteValue(JsonInstants.Format(instant));
        else writer.WriteNull();
    }
}
