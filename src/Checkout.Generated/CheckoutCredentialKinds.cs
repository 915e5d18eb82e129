using System;

namespace Checkout.Generated;

/// <summary>The kinds of credential an operation accepts, from its OpenAPI security requirements.</summary>
[Flags]
public enum CheckoutCredentialKinds
{
    /// <summary>The operation takes no credential (the token endpoint).</summary>
    None = 0,

    /// <summary>An OAuth access token obtained with an access key (<c>ack_…</c>).</summary>
    OAuth = 1,

    /// <summary>A secret API key (<c>sk_…</c>).</summary>
    SecretKey = 2,

    /// <summary>A public API key (<c>pk_…</c>), for client-side operations.</summary>
    PublicKey = 4,

    /// <summary>A credential this library does not manage, such as a 3DS session secret.</summary>
    Other = 8,
}
