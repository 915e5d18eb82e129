using System.Collections.Generic;

namespace Checkout.Generated.Testing;

/// <summary>
/// Checkout.com's documented sandbox test cards (any future expiry, any CVV), which the local server treats as the sandbox does.
/// Source: Checkout.com docs, "Test cards" and "3D Secure testing".
/// </summary>
public static class CheckoutTestCards
{
    /// <summary>Visa, approved (<c>10000</c>) unless the amount asks for a decline (<see cref="CheckoutTestAmounts"/>).</summary>
    public const string ApprovedVisa = "4242424242424242";

    /// <summary>Visa, approved; also Checkout's example card for 3DS2.</summary>
    public const string ApprovedVisa2 = "4543474002249996";

    /// <summary>Mastercard, approved.</summary>
    public const string ApprovedMastercard = "5436031030606378";

    /// <summary>American Express, approved (four-digit CVV).</summary>
    public const string ApprovedAmex = "345678901234564";

    /// <summary>Visa, declined with <c>20051</c> Insufficient funds whatever the amount.</summary>
    public const string DeclinedInsufficientFunds = "4544249167673670";

    /// <summary>Visa, declined with <c>20012</c> Invalid transaction whatever the amount.</summary>
    public const string DeclinedInvalidTransaction = "4024007103573027";

    /// <summary>Visa enrolled in 3DS2: with <c>3ds.enabled</c> the payment is <c>202 Pending</c> until the challenge is completed.</summary>
    public const string ThreeDsChallenge = "4485040371536584";

    /// <summary>Every card above.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        ApprovedVisa, ApprovedVisa2, ApprovedMastercard, ApprovedAmex, DeclinedInsufficientFunds, DeclinedInvalidTransaction, ThreeDsChallenge,
    };

    /// <summary>The response code and summary a card declines with, or null when the card itself does not decline.</summary>
    public static (string Code, string Summary)? DeclineOf(string? cardNumber) => cardNumber switch
    {
        DeclinedInsufficientFunds => ("20051", "Insufficient Funds"),
        DeclinedInvalidTransaction => ("20012", "Invalid Transaction"),
        _ => null,
    };
}
