using System;

namespace Checkout.Generated.Testing;

/// <summary>A fault the local server injects into the next matching requests: a status, a delay or a malformed body.</summary>
public sealed class CheckoutMockFault
{
    /// <summary>The operation the fault applies to; null for any operation.</summary>
    public string? OperationId { get; set; }

    /// <summary>How many matching requests the fault applies to (then it is spent).</summary>
    public int Times { get; set; } = 1;

    /// <summary>The status to answer with instead of the normal answer; null keeps the normal status.</summary>
    public int? StatusCode { get; set; }

    /// <summary>A delay before answering.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Answer with a body that is not valid JSON.</summary>
    public bool MalformedBody { get; set; }
}
