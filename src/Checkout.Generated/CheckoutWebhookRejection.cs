namespace Checkout.Generated;

/// <summary>Why a webhook was rejected.</summary>
public enum CheckoutWebhookRejection
{
    /// <summary>Not rejected: the webhook is authentic.</summary>
    None,

    /// <summary>The <c>Cko-Signature</c> header is missing or empty.</summary>
    MissingSignature,

    /// <summary>The <c>Cko-Signature</c> header is not 64 hexadecimal characters (an HMAC-SHA256).</summary>
    MalformedSignature,

    /// <summary>The signature does not match the body under any configured key.</summary>
    SignatureMismatch,

    /// <summary>An <c>Authorization</c> value is configured but the header is missing.</summary>
    MissingAuthorization,

    /// <summary>The <c>Authorization</c> header does not match the configured value.</summary>
    AuthorizationMismatch,
}
