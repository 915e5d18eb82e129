using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;
using System.Threading;

namespace Checkout.Generated;

/// <summary>What Checkout.com answered besides the body: status, request id, version, headers and the idempotency key sent.</summary>
public sealed class CheckoutResponse
{
    /// <summary>Creates response metadata (generated clients call this; tests of your own code may too).</summary>
    public CheckoutResponse(int statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers, string? idempotencyKey = null)
    {
        StatusCode = statusCode;
        _headers = headers ?? throw new ArgumentNullException(nameof(headers));
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>Metadata over a response's headers, copied into <see cref="Headers"/> only when first read.</summary>
    internal CheckoutResponse(int statusCode, HttpResponseHeaders responseHeaders, HttpContentHeaders? contentHeaders, string? idempotencyKey)
    {
        StatusCode = statusCode;
        _responseHeaders = responseHeaders;
        _contentHeaders = contentHeaders;
        IdempotencyKey = idempotencyKey;
    }

    private IReadOnlyDictionary<string, IEnumerable<string>>? _headers;
    private readonly HttpResponseHeaders? _responseHeaders;
    private readonly HttpContentHeaders? _contentHeaders;

    /// <summary>The HTTP status code, e.g. 201 or 202.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Cko-Request-Id</c> header: quote it to Checkout.com support.</summary>
    public string? RequestId => Header("Cko-Request-Id");

    /// <summary>The <c>Cko-Version</c> header: the API version that answered.</summary>
    public string? Version => Header("Cko-Version");

    /// <summary>The response and content headers (names compared case-insensitively).</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers => _headers ?? Copy();

    /// <summary>The <c>Cko-Idempotency-Key</c> the request carried (yours or a generated one), or null.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) =>
        Headers.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var values)
            ? values.FirstOrDefault()
            : Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    // Most callers never read the headers: the copy is made on first use, once (a racing copy is identical and dropped).
    private IReadOnlyDictionary<string, IEnumerable<string>> Copy()
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in _responseHeaders!) headers[header.Key] = header.Value;
        if (_contentHeaders is not null)
        {
            foreach (var header in _contentHeaders) headers[header.Key] = header.Value;
        }
        return Interlocked.CompareExchange(ref _headers, headers, null) ?? headers;
    }

    /// <inheritdoc />
    public override string ToString() => RequestId is null ? $"HTTP {StatusCode}" : $"HTTP {StatusCode}, Cko-Request-Id {RequestId}";
}
