using System;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Checkout.Generated.AspNetCore.Internal;

/// <summary>Handled events in Redis: a claim is <c>SET key owner NX PX</c>, completion overwrites it with a marker for the retention.</summary>
internal sealed class RedisWebhookStore : ICheckoutWebhookStore
{
    private static readonly RedisValue Handled = "handled";
    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;

    public RedisWebhookStore(IConnectionMultiplexer redis, string prefix)
    {
        _redis = redis;
        _prefix = prefix;
    }

    public async Task<CheckoutWebhookClaim> TryClaimAsync(string eventId, string owner, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var database = _redis.GetDatabase();
        RedisKey key = _prefix + eventId;
        if (await database.StringSetAsync(key, owner, timeout, When.NotExists).ConfigureAwait(false)) return CheckoutWebhookClaim.Claimed;
        return await database.StringGetAsync(key).ConfigureAwait(false) == Handled ? CheckoutWebhookClaim.Handled : CheckoutWebhookClaim.InProgress;
    }

    public Task CompleteAsync(string eventId, string owner, TimeSpan retention, CancellationToken cancellationToken) =>
        _redis.GetDatabase().StringSetAsync(_prefix + eventId, Handled, retention);

    // Compare-and-delete (StackExchange.Redis's lock release): a claim that expired and was taken by another delivery stays.
    public Task ReleaseAsync(string eventId, string owner, CancellationToken cancellationToken) =>
        _redis.GetDatabase().LockReleaseAsync(_prefix + eventId, owner);
}
