using System;

namespace Checkout.Generated;

/// <summary>The base of every error this client raises: API errors, token, authorization and configuration errors, transport failures.</summary>
/// <remarks>A call cancelled by its caller's <see cref="System.Threading.CancellationToken"/> throws <see cref="OperationCanceledException"/> instead.</remarks>
public abstract class CheckoutException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected CheckoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
