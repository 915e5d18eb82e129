using System.Linq;

namespace Checkout.Generated.Testing;

/// <summary>
/// Amounts (minor units) with a meaning in Checkout.com's sandbox, which the local server honours. A decline is chosen by the
/// amount's last two digits (<c>xxx05</c>: any amount ending in 05), as in Checkout.com's "Response code testing" docs.
/// </summary>
public static class CheckoutTestAmounts
{
    /// <summary>An amount that is approved (<c>10000</c>).</summary>
    public const long Approved = 1000;

    /// <summary>Ends in 05: declined, <c>20005</c> Declined - Do not honour.</summary>
    public const long DeclinedDoNotHonour = 10005;

    /// <summary>Ends in 12: declined, <c>20012</c> Invalid payment.</summary>
    public const long DeclinedInvalidPayment = 10012;

    /// <summary>Ends in 14: declined, <c>20014</c> Invalid card number.</summary>
    public const long DeclinedInvalidCardNumber = 10014;

    /// <summary>Ends in 33: declined, <c>30033</c> Expired card - Pick up.</summary>
    public const long DeclinedExpiredCard = 10033;

    /// <summary>Ends in 51: declined, <c>20051</c> Insufficient funds.</summary>
    public const long DeclinedInsufficientFunds = 10051;

    /// <summary>Ends in 54: declined, <c>20087</c> Bad track data.</summary>
    public const long DeclinedBadTrackData = 10054;

    /// <summary>Ends in 62: declined, <c>20062</c> Restricted card.</summary>
    public const long DeclinedRestrictedCard = 10062;

    /// <summary>Ends in 63: declined, <c>20063</c> Security violation.</summary>
    public const long DeclinedSecurityViolation = 10063;

    /// <summary>
    /// Captured, a payment of this amount (GBP, EUR, USD: Checkout's documented dispute test amount with <see cref="CheckoutTestCards.ApprovedVisa"/>)
    /// is disputed: the local server opens a <c>fraudulent</c> dispute needing evidence.
    /// </summary>
    public const long Disputed = 1040;

    private static readonly (long LastDigits, string Code, string Summary)[] Declines =
    {
        (5, "20005", "Declined - Do not honour"), (12, "20012", "Invalid payment"), (14, "20014", "Invalid card number"), (33, "30033", "Expired card - Pick up"),
        (51, "20051", "Insufficient funds"), (54, "20087", "Bad track data"), (62, "20062", "Restricted card"), (63, "20063", "Security violation"),
    };

    /// <summary>The response code and summary an amount declines with, or null when it is approved.</summary>
    public static (string Code, string Summary)? DeclineOf(long amount)
    {
        var rule = Declines.FirstOrDefault(d => amount % 100 == d.LastDigits);
        return rule.Code is null ? null : (rule.Code, rule.Summary);
    }
}
