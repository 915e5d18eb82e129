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
    /// <summary>The serializer of every request and response body (the generated clients' and this class's).</summary>
    internal static readonly JsonSerializer Serializer = JsonSerializer.Create(Configure(new JsonSerializerSettings()));

    /// <summary>
    /// Makes <paramref name="settings"/> keep what Checkout sent: instants keep their offset (an offset-less one is UTC),
    /// strings stay strings, numbers keep their digits, a fraction in a 64-bit integer field is an error (not rounded),
    /// and a field read as an explicit <c>null</c> is written back as <c>null</c> (unless you set your own contract
    /// resolver). Returns the same settings.
    /// </summary>
    public static JsonSerializerSettings Configure(JsonSerializerSettings settings)
    {
        if (settings is null) throw new ArgumentNullException(nameof(settings));
        settings.DateParseHandling = DateParseHandling.None;
        settings.FloatParseHandling = FloatParseHandling.Decimal;
        settings.ContractResolver ??= CheckoutContractResolver.Instance;
        if (settings.Converters.OfType<InstantConverter>().Any()) return settings;
        settings.Converters.Insert(0, new Int64Converter());
        settings.Converters.Insert(0, new InstantConverter());
        settings.Converters.Insert(0, new ExactDecimalConverter());
        return settings;
    }

    /// <summary>
    /// A model read from JSON text exactly as the clients read a response body, e.g. a stored or recorded response: one JSON
    /// value (comments aside), neither empty nor JSON null. Never returns null.
    /// </summary>
    /// <exception cref="JsonException">The text is not one JSON value of the shape of <typeparamref name="T"/>; the message names the JSON path and the type expected there, never a value.</exception>
    public static T? Deserialize<T>(string json)
    {
        if (json is null) throw new ArgumentNullException(nameof(json));
        using var reader = new JsonTextReader(new StringReader(json));
        return (T)JsonRead.Value(reader, typeof(T), Serializer);
    }

    /// <summary>A model as JSON text, written as the clients write it: only the fields it holds.</summary>
    public static string Serialize(object? model)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Serializer.Serialize(text, model);
        return text.ToString();
    }

    /// <summary>
    /// The body as <typeparamref name="T"/>, e.g. <c>CheckoutJson.ToObject&lt;PaymentActionsResponse&gt;(actions)</c>: read from
    /// its JSON text as the clients read a response (a JSON boolean read into a string is <c>"true"</c>, as sent).
    /// </summary>
    /// <exception cref="JsonException">The body does not have the shape of <typeparamref name="T"/>; the message names the JSON path and the type expected there, never a value.</exception>
    public static T? ToObject<T>(object? body) => body switch
    {
        null => default,
        T typed => typed,
        JToken { Type: JTokenType.Null } => default,
        JToken token => (T?)ToObject(token, typeof(T)),
        _ => Deserialize<T>(Serialize(body)),
    };

    /// <summary>
    /// The token as <paramref name="type"/>, read from its JSON text as a response body is (Newtonsoft's token reader would
    /// turn a boolean into <c>"True"</c> for a string field).
    /// </summary>
    internal static object? ToObject(JToken token, Type type)
    {
        using var reader = new JsonTextReader(new StringReader(token.ToString(Formatting.None)));
        return JsonRead.Value(reader, type, Serializer);
    }
}
