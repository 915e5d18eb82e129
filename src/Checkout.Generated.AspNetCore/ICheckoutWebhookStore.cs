using System;
using System.Threading;
using System.Threading.Tasks;

namespace Checkout.Generated.AspNetCore;

/// <summary>
/// Which webhook events were handled, shared by every instance that receives them, so that a handler runs at most once per
/// event id. Registered by <see cref="CheckoutWebhookDeduplicationServiceCollectionExtensions"/> (in memory, or Redis).
/// </summary>
public interface ICheckoutWebhookStore
{
    /// <summary>
    /// Atomically claims <paramref name="eventId"/> for <paramref name="owner"/> (a value unique to this delivery) for at most
    /// <paramref name="timeout"/>, unless the event is handled or claimed already.
    /// </summary>
    Task<CheckoutWebhookClaim> TryClaimAsync(string eventId, string owner, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Records the event as handled for <paramref name="retention"/> (the handler succeeded).</summary>
    Task CompleteAsync(string eventId, string owner, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Gives the claim up (the handler failed) if <paramref name="owner"/> still holds it, so that a later delivery runs the handler.</summary>
    Task ReleaseAsync(string eventId, string owner, CancellationToken cancellationToken);
}
