using System.Collections.Generic;

namespace Checkout.Generated;

/// <summary>Per-call options, the same on every operation: the idempotency key and extra headers.</summary>
public sealed class CheckoutRequestOptions
{
    /// <summary>The <c>Cko-Idempotency-Key</c> to send; when null, one is generated for operations that declare the header.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Extra request headers, e.g. a <c>Cko-Correlation-Id</c> of your own.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
}
