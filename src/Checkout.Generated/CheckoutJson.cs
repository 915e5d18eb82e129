using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Checkout.Generated.Internal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated;

/// <summary>The JSON settings the clients read and write models with, for reading or storing models yourself.</summary>
public static class CheckoutJson
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Configure(new JsonSerializerSettings()));

    /// <summary>
    /// Makes <paramref name="settings"/> keep what Checkout sent: instants keep their offset (an offset-less one is UTC),
    /// strings stay strings, numbers keep their digits. Returns the same settings.
    /// </summary>
    public static JsonSerializerSettings Configure(JsonSerializerSettings settings)
    {
        if (settings is null) throw new ArgumentNullException(nameof(settings));
        settings.DateParseHandling = DateParseHandling.None;
        settings.FloatParseHandling = FloatParseHandling.Decimal;
        if (settings.Converters.OfType<InstantConverter>().Any()) return settings;
        settings.Converters.Insert(0, new InstantConverter());
        settings.Converters.Insert(0, new ExactDecimalConverter());
        return settings;
    }

    /// <summary>A model read from JSON text as the clients read it, e.g. a stored or recorded response.</summary>
    /// <exception cref="JsonException">The text is not JSON of the shape of <typeparamref name="T"/>.</exception>
    public static T? Deserialize<T>(string json)
    {
        if (json is null) throw new ArgumentNullException(nameof(json));
        using var reader = new JsonTextReader(new StringReader(json));
        return Serializer.Deserialize<T>(reader);
    }

    /// <summary>A model as JSON text, written as the clients write it: only the fields it holds.</summary>
    public static string Serialize(object? model)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Serializer.Serialize(text, model);
        return text.ToString();
    }

    /// <summary>The body as <typeparamref name="T"/>, e.g. <c>CheckoutJson.ToObject&lt;PaymentActionsResponse&gt;(actions)</c>.</summary>
    /// <exception cref="JsonException">The body does not have the shape of <typeparamref name="T"/>.</exception>
    public static T? ToObject<T>(object? body) => body switch
    {
        null => default,
        T typed => typed,
        JToken token => token.ToObject<T>(Serializer),
        _ => JToken.FromObject(body, Serializer).ToObject<T>(Serializer),
    };

    /// <summary>The token as <paramref name="type"/>, with the same settings.</summary>
    internal static object? ToObject(JToken token, Type type) => token.ToObject(type, Serializer);
}
