using System;
using System.Threading;

namespace Checkout.Generated.Testing;

/// <summary>A fault the local server injects into matching requests: a status, a delay, a malformed body or a reset connection.</summary>
/// <remarks>
/// A status or a malformed body replaces the answer and nothing is processed. A reset before processing processes nothing; a
/// reset after processing does the work (a payment exists) and loses the answer; a delay does the work, then waits before answering.
/// </remarks>
public sealed class CheckoutMockFault
{
    private int _injected;

    /// <summary>The operation the fault applies to; null for any operation.</summary>
    public string? OperationId { get; set; }

    /// <summary>How many matching requests the fault applies to (then it is spent); <see cref="int.MaxValue"/> for no limit.</summary>
    public int Times { get; set; } = 1;

    /// <summary>The chance (0 to 1) that a matching request gets the fault (default 1); the chances of all faults add up, one fault per request.</summary>
    public double Probability { get; set; } = 1;

    /// <summary>The status to answer with instead of the normal answer; null keeps the normal status.</summary>
    public int? StatusCode { get; set; }

    /// <summary>The <c>Retry-After</c> header sent with <see cref="StatusCode"/>, if any.</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>A delay before answering (after the work is done, unless a status or malformed body replaces the answer).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Answer with a body that is not valid JSON.</summary>
    public bool MalformedBody { get; set; }

    /// <summary>Drop the connection before doing anything: nothing is processed.</summary>
    public bool ResetBeforeProcessing { get; set; }

    /// <summary>Do the work, then drop the connection instead of answering: the outcome exists, the answer is lost.</summary>
    public bool ResetAfterProcessing { get; set; }

    /// <summary>How many requests this fault was injected into.</summary>
    public int Injected => Volatile.Read(ref _injected);

    internal void Count() => Interlocked.Increment(ref _injected);

    /// <inheritdoc />
    public override string ToString()
    {
        var kind = ResetBeforeProcessing ? "reset before processing" : ResetAfterProcessing ? "reset after processing" : MalformedBody ? "malformed body"
            : StatusCode is { } status ? $"HTTP {status}" : $"delay {Delay.TotalMilliseconds} ms";
        return $"{kind} on {OperationId ?? "any operation"} (p = {Probability}, injected {Injected})";
    }
}
