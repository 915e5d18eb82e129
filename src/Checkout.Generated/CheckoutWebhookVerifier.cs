using System;
using System.Linq;
using System.Text;
using Checkout.Generated.Internal;

namespace Checkout.Generated;

/// <summary>Checks that a webhook comes from Checkout.com: HMAC-SHA256 of the raw body, hex in <c>Cko-Signature</c>, compared in constant time.</summary>
/// <remarks>Thread-safe. Verify the bytes exactly as received: parsing and re-serialising the JSON changes them.</remarks>
public sealed class CheckoutWebhookVerifier
{
    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "Cko-Signature";

    /// <summary>The header a workflow can be configured to send with a shared value.</summary>
    public const string AuthorizationHeader = "Authorization";

    private readonly byte[][] _keys;
    private readonly byte[]? _authorizationDigest;

    /// <summary>Creates a verifier for the configured keys.</summary>
    /// <exception cref="ArgumentException">No signature key, or an empty one.</exception>
    public CheckoutWebhookVerifier(CheckoutWebhookOptions options)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        if (options.SignatureKeys is null || options.SignatureKeys.Count == 0)
            throw new ArgumentException("CheckoutWebhookOptions.SignatureKeys is empty: add the signature key of the workflow's webhook action (signature.key).", nameof(options));
        if (options.SignatureKeys.Any(string.IsNullOrEmpty))
            throw new ArgumentException("CheckoutWebhookOptions.SignatureKeys has an empty key: remove it or set the workflow's signature key.", nameof(options));
        _keys = options.SignatureKeys.Select(k => Encoding.UTF8.GetBytes(k)).ToArray();
        _authorizationDigest = string.IsNullOrEmpty(options.Authorization) ? null : WebhookSignature.Digest(options.Authorization!);
    }

    /// <summary>Verifies a webhook from its raw body and the values of its <c>Cko-Signature</c> and <c>Authorization</c> headers.</summary>
    public CheckoutWebhookVerification Verify(byte[] body, string? signature, string? authorization = null)
    {
        if (body is null) throw new ArgumentNullException(nameof(body));
        if (string.IsNullOrWhiteSpace(signature))
            return Reject(CheckoutWebhookRejection.MissingSignature, $"The {SignatureHeader} header is missing or empty.");
        if (!WebhookSignature.TryParseHex(signature!.Trim(), out var received))
            return Reject(CheckoutWebhookRejection.MalformedSignature, $"The {SignatureHeader} header is not an HMAC-SHA256 in hexadecimal (64 characters 0-9, a-f); it has {signature.Trim().Length} characters.");
        var matched = WebhookSignature.MatchingKey(_keys, body, received);
        if (matched < 0)
            return Reject(CheckoutWebhookRejection.SignatureMismatch, $"The {SignatureHeader} header does not match the body under any of the {_keys.Length} configured signature key(s): check the workflow's key, and that the body is verified exactly as received.");
        if (_authorizationDigest is not null)
        {
            if (string.IsNullOrEmpty(authorization))
                return Reject(CheckoutWebhookRejection.MissingAuthorization, $"The {AuthorizationHeader} header is missing, and the options expect one.");
            if (!WebhookSignature.FixedTimeEquals(_authorizationDigest, WebhookSignature.Digest(authorization!)))
                return Reject(CheckoutWebhookRejection.AuthorizationMismatch, $"The {AuthorizationHeader} header does not match the configured value.");
        }
        return new CheckoutWebhookVerification(CheckoutWebhookRejection.None, matched, $"Valid: signed with signature key {matched}.");
    }

    private static CheckoutWebhookVerification Reject(CheckoutWebhookRejection rejection, string reason) => new(rejection, -1, reason);
}
