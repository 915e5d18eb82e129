using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Checkout.Generated.AspNetCore.Internal;

/// <summary>Handled events in this process: one instance only. Expired entries are swept every 1024 claims.</summary>
internal sealed class MemoryWebhookStore : ICheckoutWebhookStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _claims;

    public MemoryWebhookStore(TimeProvider time) => _time = time;

    public Task<CheckoutWebhookClaim> TryClaimAsync(string eventId, string owner, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if ((Interlocked.Increment(ref _claims) & 1023) == 0) Sweep();
        while (true)
        {
            var now = _time.GetUtcNow();
            if (_entries.TryAdd(eventId, new Entry(owner, now + timeout))) return Task.FromResult(CheckoutWebhookClaim.Claimed);
            if (!_entries.TryGetValue(eventId, out var existing)) continue;
            if (existing.Expires > now) return Task.FromResult(existing.Owner is null ? CheckoutWebhookClaim.Handled : CheckoutWebhookClaim.InProgress);
            _entries.TryRemove(new KeyValuePair<string, Entry>(eventId, existing));
        }
    }

    public Task CompleteAsync(string eventId, string owner, TimeSpan retention, CancellationToken cancellationToken)
    {
        _entries[eventId] = new Entry(null, _time.GetUtcNow() + retention);
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string eventId, string owner, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(eventId, out var existing) && existing.Owner == owner) _entries.TryRemove(new KeyValuePair<string, Entry>(eventId, existing));
        return Task.CompletedTask;
    }

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var pair in _entries)
        {
            if (pair.Value.Expires <= now) _entries.TryRemove(pair);
        }
    }

    /// <summary>A claim (its owner) or, with no owner, a handled event; until <see cref="Expires"/>.</summary>
    private sealed record Entry(string? Owner, DateTimeOffset Expires);
}
