namespace Checkout.Generated;

/// <summary>The outcome of verifying one webhook: accepted, or rejected with a reason that never contains a key.</summary>
public sealed class CheckoutWebhookVerification
{
    internal CheckoutWebhookVerification(CheckoutWebhookRejection rejection, int keyIndex, string reason)
    {
        Rejection = rejection;
        KeyIndex = keyIndex;
        Reason = reason;
    }

    /// <summary>True when the signature (and the <c>Authorization</c> header, if configured) match.</summary>
    public bool IsValid => Rejection == CheckoutWebhookRejection.None;

    /// <summary>Why the webhook was rejected; <see cref="CheckoutWebhookRejection.None"/> when it is valid.</summary>
    public CheckoutWebhookRejection Rejection { get; }

    /// <summary>The position in <see cref="CheckoutWebhookOptions.SignatureKeys"/> of the key that matched, or -1: tells when a rotated-out key is still in use.</summary>
    public int KeyIndex { get; }

    /// <summary>What was wrong, in a sentence fit for a log.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => Reason;
}
