using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using Checkout.Generated.Internal;

namespace Checkout.Generated;

/// <summary>
/// Everything one call (all its attempts) carries down the handlers: the operation, its plan, the relative URL the
/// generated method built, the idempotency key, the attempt count and the span. A generated method builds it
/// (<c>CheckoutCallContext.Request.cs</c>) and <see cref="CheckoutInvoker"/> attaches it once to the request, under one
/// key; each handler reads it once. In the <c>Checkout.Generated</c> namespace (internal) so generated code names it plainly.
/// </summary>
internal sealed partial class CheckoutCallContext
{
    private const string Key = "Checkout.Generated.Call";
#if NET5_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<CheckoutCallContext> OptionsKey = new(Key);
#endif
    private int _attempts;
    private int _reached;

    public CheckoutCallContext(CheckoutOperation? operation, CheckoutRequestOptions? options = null)
    {
        Operation = operation;
        Options = options;
    }

    /// <summary>The operation a generated client made the request for; null for a request it did not make (an upload link's PUT).</summary>
    public CheckoutOperation? Operation { get; }

    /// <summary>The caller's per-call options (idempotency key, extra headers), or null.</summary>
    public CheckoutRequestOptions? Options { get; }

    /// <summary>The path and query relative to the operation's host, while the absolute URL is still to be composed (by the handler, when the invoker had no settings); otherwise null.</summary>
    public string? RelativeUri { get; set; }

    /// <summary>The operation's host and credential under the registration's settings, resolved once by the first handler that knows them.</summary>
    public OperationPlan? Plan { get; set; }

    /// <summary>The call's span, or null when nobody listens.</summary>
    public Activity? Activity { get; set; }

    /// <summary>The idempotency key every attempt sends, or null when the request carries none.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Whether the call is safe to send again (idempotent method, idempotency key, or token request); decided before the first attempt.</summary>
    public bool Repeatable { get; set; }

    /// <summary>When the call's attempts began (a <see cref="TimeProvider"/> timestamp): its total timeout counts from here.</summary>
    public long StartedAt { get; set; }

    /// <summary>The wait before the next attempt, chosen when the retry policy allowed it.</summary>
    public TimeSpan NextDelay { get; set; }

    /// <summary>Attempts started so far.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Whether any attempt got an answer or failed after its connection was made (so it may have reached Checkout).</summary>
    public bool MayHaveReachedCheckout => Volatile.Read(ref _reached) != 0;

    /// <summary>Counts an attempt; returns its number (1 for the first).</summary>
    public int AttemptStarted() => Interlocked.Increment(ref _attempts);

    public void MayHaveReached() => Volatile.Write(ref _reached, 1);

    /// <summary>Attaches <paramref name="context"/> to <paramref name="request"/> (the only place that writes the request's options).</summary>
    public static CheckoutCallContext Attach(HttpRequestMessage request, CheckoutCallContext context)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(OptionsKey, context);
#else
        request.Properties[Key] = context;
#endif
        return context;
    }

    /// <summary>The context of this request, or null when neither a generated client nor a Checkout handler attached one.</summary>
    public static CheckoutCallContext? Find(HttpRequestMessage? request)
    {
        if (request is null) return null;
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(OptionsKey, out var context) ? context : null;
#else
        return request.Properties.TryGetValue(Key, out var value) ? value as CheckoutCallContext : null;
#endif
    }
}
