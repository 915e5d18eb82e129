using System;
using Duende.IdentityModel.Client;
using OAuthTokenResponse = Duende.IdentityModel.Client.TokenResponse;

namespace Checkout.Generated.Internal;

/// <summary>How a token endpoint's failure is named: an OAuth error (RFC 6749 5.2), a timeout, a network or HTTP error, an unreadable answer.</summary>
internal static class TokenFailures
{
    /// <summary>The failure a token error response stands for, made by <paramref name="fail"/> (error, status, what happened, inner exception).</summary>
    public static CheckoutTokenException FromErrorResponse(OAuthTokenResponse response, Func<string, int?, string, Exception?, CheckoutTokenException> fail)
    {
        int? status = response.HttpStatusCode == 0 ? null : (int)response.HttpStatusCode;
        var answered = status is >= 200 and < 300;
        if (response.ErrorType == ResponseErrorType.Exception && !answered)
        {
            return IsTimeout(response.Exception)
                ? fail("timeout", status, "the token endpoint did not answer in time", response.Exception)
                : fail("network_error", status, "the token endpoint could not be reached", response.Exception);
        }

        // RFC 6749 5.2: an error response is 400 or 401 with an "error" member (IdentityModel reads it only from a 400).
        var (error, description) = response.ErrorType == ResponseErrorType.Protocol && !string.IsNullOrEmpty(response.Error)
            ? (response.Error, response.ErrorDescription)
            : status is 400 or 401 ? OAuthError(response.Raw) : (null, null);
        if (!string.IsNullOrEmpty(error))
        {
            var detail = string.IsNullOrEmpty(description) ? "" : $" ({description})";
            return fail(error!, status, $"the OAuth error the token endpoint returned{detail}", null);
        }

        return answered
            ? fail("invalid_response", status, "the token endpoint answered, but not with a JSON token response (a proxy or an error page?)", response.Exception)
            : fail("http_error", status, $"the token endpoint answered HTTP {status} {response.HttpErrorReason}".TrimEnd(), null);
    }

    // Whatever fires it: the back channel's timeout (TaskCanceledException), HttpClient.Timeout, a TimeoutException.
    public static bool IsTimeout(Exception? exception) =>
        exception is OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException;

    private static (string? Error, string? Description) OAuthError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body!.TrimStart()[0] != '{') return (null, null);
        try
        {
            var json = Newtonsoft.Json.Linq.JObject.Parse(body);
            return (json["error"]?.Type == Newtonsoft.Json.Linq.JTokenType.String ? (string?)json["error"] : null,
                json["error_description"]?.Type == Newtonsoft.Json.Linq.JTokenType.String ? (string?)json["error_description"] : null);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return (null, null);
        }
    }
}
