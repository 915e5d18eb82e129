using System;
using System.Net.Http;
using System.Threading;

namespace Checkout.Generated.Internal;

/// <summary>What one call (all its attempts) records on its request: the idempotency key sent and the attempts made.</summary>
internal sealed class CheckoutRequestState
{
    private const string Key = "Checkout.Generated.RequestState";
    private int _attempts;
    private int _reached;

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

    public void AttemptStarted() => Interlocked.Increment(ref _attempts);

    public void MayHaveReached() => Volatile.Write(ref _reached, 1);

    /// <summary>The state of this request, created on first use.</summary>
    public static CheckoutRequestState Of(HttpRequestMessage request)
    {
        var existing = Find(request);
        if (existing is not null) return existing;
        var state = new CheckoutRequestState();
#if NET5_0_OR_GREATER
        request.Options.Set(new HttpRequestOptionsKey<CheckoutRequestState>(Key), state);
#else
        request.Properties[Key] = state;
#endif
        return state;
    }

    /// <summary>The state of this request, or null when no Checkout handler has seen it.</summary>
    public static CheckoutRequestState? Find(HttpRequestMessage request)
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(new HttpRequestOptionsKey<CheckoutRequestState>(Key), out var state) ? state : null;
#else
        return request.Properties.TryGetValue(Key, out var value) ? value as CheckoutRequestState : null;
#endif
    }
}
