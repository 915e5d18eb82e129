using System;
using System.Linq;
using System.Net.Http;

namespace Checkout.Generated.Internal;

/// <summary>What every generated method does around the wire: per-call options, methods, metadata (bodies: CheckoutCall.Read, CheckoutCall.Write).</summary>
internal static partial class CheckoutCall
{
    public const string IdempotencyHeader = "Cko-Idempotency-Key";

    private static readonly HttpMethod Patch = new("PATCH");

    /// <summary>Puts the caller's idempotency key and extra headers on the request; rejects what would break the call.</summary>
    public static void Apply(HttpRequestMessage request, CheckoutRequestOptions? options)
    {
        if (options is null) return;
        if (options.IdempotencyKey is { } key)
        {
            if (string.IsNullOrWhiteSpace(key)) throw new ArgumentException("CheckoutRequestOptions.IdempotencyKey is empty: give a unique key per logical request, or leave it null to have one generated.", nameof(options));
            request.Headers.Remove(IdempotencyHeader);
            request.Headers.TryAddWithoutValidation(IdempotencyHeader, key);
        }
        foreach (var header in options.Headers)
        {
            if (string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException("CheckoutRequestOptions.Headers: 'Authorization' is set from CheckoutOptions for each operation; do not pass it per call.", nameof(options));
            if (string.Equals(header.Key, IdempotencyHeader, StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"CheckoutRequestOptions.Headers: set the idempotency key with CheckoutRequestOptions.IdempotencyKey, not as the '{IdempotencyHeader}' header.", nameof(options));
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value))
                throw new ArgumentException($"CheckoutRequestOptions.Headers: '{header.Key}' is not a request header that can be set per call (content headers come from the body).", nameof(options));
        }
    }

    /// <summary>The metadata of a response, with the idempotency key the sent request carried.</summary>
    public static CheckoutResponse Metadata(HttpRequestMessage request, HttpResponseMessage response) =>
        Metadata(CheckoutCallContext.Find(request), request, response);

    /// <summary>The metadata of a response to <paramref name="call"/> (null for a request no generated client made).</summary>
    public static CheckoutResponse Metadata(CheckoutCallContext? call, HttpRequestMessage request, HttpResponseMessage response)
    {
        var key = call?.IdempotencyKey ?? IdempotencyKey(response.RequestMessage) ?? IdempotencyKey(request);
        return new CheckoutResponse((int)response.StatusCode, response.Headers, response.Content?.Headers, key);
    }

    private static string? IdempotencyKey(HttpRequestMessage? request) =>
        request is not null && request.Headers.TryGetValues(IdempotencyHeader, out var values) ? values.FirstOrDefault() : null;

    /// <summary>The shared instance of a request method (the generated clients set one per call).</summary>
    public static HttpMethod Method(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "DELETE" => HttpMethod.Delete,
        "PATCH" => Patch,
        "HEAD" => HttpMethod.Head,
        "OPTIONS" => HttpMethod.Options,
        _ => new HttpMethod(method),
    };
}
