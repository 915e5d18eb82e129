using System;
using System.Collections.Generic;

namespace Checkout.Generated;

/// <summary>The configured credentials or granted scopes cannot call an operation; thrown before anything is sent.</summary>
public sealed class CheckoutAuthorizationException : CheckoutException
{
    /// <summary>Creates the exception.</summary>
    public CheckoutAuthorizationException(string message, string operationId, CheckoutCredentialKinds acceptedCredentials, IReadOnlyList<string> allowingScopes)
        : base(message, null)
    {
        OperationId = operationId;
        AcceptedCredentials = acceptedCredentials;
        AllowingScopes = allowingScopes;
    }

    /// <summary>The operation that was refused.</summary>
    public string OperationId { get; }

    /// <summary>The kinds of credential the operation accepts.</summary>
    public CheckoutCredentialKinds AcceptedCredentials { get; }

    /// <summary>The OAuth scopes any one of which would allow the operation.</summary>
    public IReadOnlyList<string> AllowingScopes { get; }
}
