using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated;

/// <summary>Reads an untyped body (an operation documented as one of several shapes, typed <c>object</c>) as a generated model.</summary>
public static class CheckoutJson
{
    private static readonly JsonSerializer Serializer = JsonSerializer.CreateDefault();

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
