using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated;

/// <summary>Checkout.com answered with a status the operation does not document as success.</summary>
/// <remarks>The message names the status, Checkout's error type and codes and the request id; it never contains the body.</remarks>
public class CheckoutApiException : CheckoutException
{
    /// <summary>Creates the exception from a response (generated clients call this).</summary>
    public CheckoutApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(message, statusCode, response, headers, ErrorBody.Parse(response), innerException)
    {
    }

    private CheckoutApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, ErrorBody error, Exception? innerException)
        : base(Describe(message, statusCode, headers, error), innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers ?? new Dictionary<string, IEnumerable<string>>();
        RequestId = Header(Headers, "Cko-Request-Id");
        ErrorType = error.Type;
        ErrorCodes = error.Codes;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The raw response body, if any.</summary>
    public string? Response { get; }

    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The <c>Cko-Request-Id</c> header: quote it to Checkout.com support.</summary>
    public string? RequestId { get; }

    /// <summary>Checkout's <c>error_type</c>, e.g. <c>request_invalid</c>.</summary>
    public string? ErrorType { get; }

    /// <summary>Checkout's <c>error_codes</c>, e.g. <c>card_number_invalid</c>.</summary>
    public IReadOnlyList<string> ErrorCodes { get; }

    /// <summary>The <c>Cko-Idempotency-Key</c> the failed request carried, or null: retry with the same key.</summary>
    public string? IdempotencyKey { get; internal set; }

    /// <summary>For a success body that could not be read, the JSON path where reading stopped; otherwise null.</summary>
    public string? JsonPath { get; internal set; }

    private static string Describe(string message, int status, IReadOnlyDictionary<string, IEnumerable<string>>? headers, ErrorBody error)
    {
        var text = $"Checkout.com returned HTTP {status}";
        if (error.Type is not null) text += $" ({error.Type}{(error.Codes.Count > 0 ? ": " + string.Join(", ", error.Codes) : "")})";
        if (Clause(message) is { Length: > 0 } detail) text += $": {detail}";
        var requestId = headers is null ? null : Header(headers, "Cko-Request-Id");
        return requestId is null ? text + "." : text + $". Cko-Request-Id: {requestId}.";
    }

    /// <summary>A description as a clause of the message: one line, without the full stop the message adds (the spec's "Internal Server Error.").</summary>
    private static string Clause(string? description) =>
        string.Join(" ", (description ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', ' ', ';', ':');

    private static string? Header(IReadOnlyDictionary<string, IEnumerable<string>> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private readonly struct ErrorBody
    {
        private ErrorBody(string? type, IReadOnlyList<string> codes)
        {
            Type = type;
            Codes = codes;
        }

        public string? Type { get; }

        public IReadOnlyList<string> Codes { get; }

        public static ErrorBody Parse(string? body)
        {
            if (string.IsNullOrWhiteSpace(body) || body!.TrimStart()[0] != '{') return new ErrorBody(null, Array.Empty<string>());
            try
            {
                var json = JObject.Parse(body);
                var codes = (json["error_codes"] as JArray)?.Select(c => c.ToString()).ToArray() ?? Array.Empty<string>();
                return new ErrorBody(json["error_type"]?.Type == JTokenType.String ? (string?)json["error_type"] : null, codes);
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return new ErrorBody(null, Array.Empty<string>());
            }
        }
    }
}
