using System;

namespace Checkout.Generated;

/// <summary>No usable answer came back from Checkout.com: the connection failed, was reset, or the call timed out, after every retry allowed.</summary>
/// <remarks>
/// When <see cref="MayHaveReachedCheckout"/> is true the outcome is unknown (a payment may exist): repeat the call with the same
/// <see cref="IdempotencyKey"/>, and Checkout.com answers with the original result instead of acting twice.
/// </remarks>
public sealed class CheckoutTransportException : CheckoutException
{
    /// <summary>Creates the exception.</summary>
    public CheckoutTransportException(string message, string? operationId, int attempts, string? idempotencyKey, bool mayHaveReachedCheckout, bool timedOut, Exception? innerException)
        : base(message, innerException)
    {
        OperationId = operationId;
        Attempts = attempts;
        IdempotencyKey = idempotencyKey;
        MayHaveReachedCheckout = mayHaveReachedCheckout;
        TimedOut = timedOut;
    }

    /// <summary>The operation that failed (e.g. <c>requestPaymentOrPayout</c>), or null for a request no generated client made.</summary>
    public string? OperationId { get; }

    /// <summary>How many attempts were made, the retries included.</summary>
    public int Attempts { get; }

    /// <summary>The <c>Cko-Idempotency-Key</c> every attempt sent, or null when the request carried none.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>Whether any attempt may have reached Checkout.com, so that the operation may have taken effect.</summary>
    public bool MayHaveReachedCheckout { get; }

    /// <summary>Whether the last failure was a timeout (an attempt's or the call's), rather than a connection failure.</summary>
    public bool TimedOut { get; }
}
