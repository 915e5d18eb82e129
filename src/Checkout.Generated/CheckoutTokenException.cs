using System;

namespace Checkout.Generated;

/// <summary>The token endpoint refused or failed to issue an access token.</summary>
/// <remarks>The message names the OAuth error and the token URL; it never contains the access key secret.</remarks>
public sealed class CheckoutTokenException : CheckoutException
{
    /// <summary>Creates the exception.</summary>
    public CheckoutTokenException(string message, string error, Uri tokenEndpoint, int? statusCode, Exception? innerException)
        : base(message, innerException)
    {
        Error = error;
        TokenEndpoint = tokenEndpoint;
        StatusCode = statusCode;
    }

    /// <summary>The OAuth error (<c>invalid_client</c>, <c>invalid_scope</c>, …), or <c>http_error</c>, <c>timeout</c>, <c>network_error</c>, <c>invalid_response</c>.</summary>
    public string Error { get; }

    /// <summary>The token URL that was called.</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>The HTTP status of the token response, when there was one.</summary>
    public int? StatusCode { get; }
}
