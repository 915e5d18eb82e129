using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Internal;

/// <summary>An <c>application/x-www-form-urlencoded</c> request body: the fields the model's JSON holds, each as its JSON text.</summary>
internal static class FormBody
{
    /// <summary>
    /// The model's fields as form fields: a string as it is, a boolean as <c>true</c>/<c>false</c>, a number with its digits,
    /// an object or array as its JSON; null fields are left out. An optional body left null sends an empty form.
    /// </summary>
    public static HttpContent Content(object? body, JsonSerializer serializer, string mediaType)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (body is not null && FromObject(body, serializer) is JObject json)
        {
            foreach (var property in json.Properties())
            {
                if (Text(property.Value) is { } text) fields.Add(new KeyValuePair<string, string>(property.Name, text));
            }
        }
        var content = new FormUrlEncodedContent(fields);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    private static JToken FromObject(object body, JsonSerializer serializer)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        serializer.Serialize(text, body);
        using var reader = new JsonTextReader(new StringReader(text.ToString())) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JToken.ReadFrom(reader);
    }

    private static string? Text(JToken value) => value.Type switch
    {
        JTokenType.Null or JTokenType.Undefined => null,
        JTokenType.String => (string?)value,
        JTokenType.Object or JTokenType.Array or JTokenType.Boolean or JTokenType.Integer or JTokenType.Float => value.ToString(Formatting.None),
        _ => value.ToString(Formatting.None).Trim('"'),
    };
}
