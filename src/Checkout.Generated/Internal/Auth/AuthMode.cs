namespace Checkout.Generated.Internal;

/// <summary>How the handler authenticates one operation.</summary>
internal enum AuthMode
{
    /// <summary>No Authorization header (the token endpoint).</summary>
    None,

    /// <summary>A bearer access token for <see cref="OperationPlan.Scope"/>.</summary>
    OAuth,

    /// <summary>The secret key as a bearer credential.</summary>
    SecretKey,

    /// <summary>The public key as a bearer credential.</summary>
    PublicKey,

    /// <summary>The caller's own Authorization header (a 3DS session secret); fails when absent.</summary>
    CallerSupplied,

    /// <summary>The configured credentials cannot call the operation.</summary>
    Denied,
}
