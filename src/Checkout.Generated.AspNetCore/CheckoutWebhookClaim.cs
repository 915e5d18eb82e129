namespace Checkout.Generated.AspNetCore;

/// <summary>The answer of <see cref="ICheckoutWebhookStore.TryClaimAsync"/>.</summary>
public enum CheckoutWebhookClaim
{
    /// <summary>This delivery holds the claim: run the handler, then complete or release it.</summary>
    Claimed,

    /// <summary>The event was handled already (by any instance sharing the store): answer 200 without running the handler.</summary>
    Handled,

    /// <summary>Another delivery of the event is being handled right now: answer 409 so that Checkout.com delivers it again later.</summary>
    InProgress,
}
