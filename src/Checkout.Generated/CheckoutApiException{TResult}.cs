using System;
using System.Collections.Generic;

namespace Checkout.Generated;

/// <summary>Checkout.com answered with a documented error status whose body was read into <typeparamref name="TResult"/>.</summary>
/// <typeparam name="TResult">The error body type the spec documents for that status.</typeparam>
public sealed class CheckoutApiException<TResult> : CheckoutApiException
{
    /// <summary>Creates the exception from a response with a typed body (generated clients call this).</summary>
    public CheckoutApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
        Result = result;
    }

    /// <summary>The typed error body.</summary>
    public TResult Result { get; }
}
