using System;

namespace Checkout.Generated.AspNetCore;

/// <summary>How long handled webhook events and claims are remembered.</summary>
public sealed class CheckoutWebhookDeduplicationOptions
{
    /// <summary>How long an event stays recorded as handled (default 7 days): longer than Checkout.com keeps retrying a delivery.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a delivery holds its claim while the handler runs (default 5 minutes). Longer than the slowest handler: a claim
    /// that expires lets a later delivery run the handler again; a crashed instance's claim expires after it.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The prefix of the store's keys (default <c>checkout:webhook:</c>), followed by the event id.</summary>
    public string KeyPrefix { get; set; } = "checkout:webhook:";
}
