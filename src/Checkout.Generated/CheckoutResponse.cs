using System;
using System.Collections.Generic;
using System.Linq;

namespace Checkout.Generated;

/// <summary>What Checkout.com answered besides the body: status, request id, version, headers and the idempotency key sent.</summary>
public sealed class CheckoutResponse
{
    /// <summary>Creates response metadata (generated clients call this; tests of your own code may too).</summary>
    public CheckoutResponse(int statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers, string? idempotencyKey = null)
    {
        StatusCode = statusCode;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The HTTP status code, e.g. 201 or 202.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Cko-Request-Id</c> header: quote it to Checkout.com support.</summary>
    public string? RequestId => Header("Cko-Request-Id");

    /// <summary>The <c>Cko-Version</c> header: the API version that answered.</summary>
    public string? Version => Header("Cko-Version");

    /// <summary>The response and content headers (names compared case-insensitively).</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The <c>Cko-Idempotency-Key</c> the request carried (yours or a generated one), or null.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) =>
        Headers.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var values)
            ? values.FirstOrDefault()
            : Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    /// <inheritdoc />
    public override string ToString() => RequestId is null ? $"HTTP {StatusCode}" : $"HTTP {StatusCode}, Cko-Request-Id {RequestId}";
}
