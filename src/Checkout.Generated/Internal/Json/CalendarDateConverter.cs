using System;
using System.Globalization;
using Newtonsoft.Json;

namespace Checkout.Generated.Internal;

/// <summary>
/// A <c>format: date</c> field: reads <c>2023-06-15</c> and also the full timestamp Checkout sometimes sends, and writes a
/// date back as a date and a timestamp as the timestamp. Not sealed: the generated <c>DateFormatConverter</c> derives from it.
/// </summary>
internal class CalendarDateConverter : JsonConverter
{
    private const string DateFormat = "yyyy'-'MM'-'dd";

    public override bool CanConvert(Type objectType) => objectType == typeof(DateTimeOffset) || objectType == typeof(DateTimeOffset?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.String && reader.Value is string { Length: 10 } text
            && DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date, TimeSpan.Zero);
        }
        return JsonInstants.Read(reader, objectType);
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not DateTimeOffset instant)
        {
            writer.WriteNull();
            return;
        }
        var isDate = instant.Offset == TimeSpan.Zero && instant.TimeOfDay == TimeSpan.Zero;
        writer.WriteValue(isDate ? instant.ToString(DateFormat, CultureInfo.InvariantCulture) : JsonInstants.Format(instant));
    }
}
