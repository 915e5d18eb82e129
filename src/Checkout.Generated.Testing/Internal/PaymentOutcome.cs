using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>
/// What a new payment request leads to, by Checkout's sandbox conventions: a payout (a <c>destination</c>) is pending until it
/// settles; a 3DS payment not yet authenticated (no <c>cryptogram</c>) is pending until its challenge is completed; a declining
/// test card (<see cref="CheckoutTestCards"/>) or amount (<see cref="CheckoutTestAmounts"/>) is declined with its code.
/// </summary>
internal sealed class PaymentOutcome
{
    public static readonly PaymentOutcome Approval = new("Authorized", true, "10000", "Approved", accepted: false, isPayout: false);

    private PaymentOutcome(string status, bool approved, string? responseCode, string? responseSummary, bool accepted, bool isPayout)
    {
        Status = status;
        Approved = approved;
        ResponseCode = responseCode;
        ResponseSummary = responseSummary;
        Accepted = accepted;
        IsPayout = isPayout;
    }

    public string Status { get; }

    public bool Approved { get; }

    public string? ResponseCode { get; }

    public string? ResponseSummary { get; }

    /// <summary>Answered 202 Accepted (pending) rather than 201 Created.</summary>
    public bool Accepted { get; }

    public bool IsPayout { get; }

    /// <summary>Whether a redirect link is part of the answer (3DS).</summary>
    public bool RedirectsCustomer => Accepted && !IsPayout;

    public static PaymentOutcome For(JObject request)
    {
        // A payout names where the money goes; the payment request schema has no destination.
        if (request["destination"] is JObject) return new PaymentOutcome("Pending", false, null, null, accepted: true, isPayout: true);
        var authorization = Declined(request) ?? Approval;
        // 3DS without the result of an authentication done elsewhere (eci, cryptogram): the customer must be redirected.
        if (request["3ds"] is JObject threeDs && (bool?)threeDs["enabled"] == true && threeDs["cryptogram"] is null)
            return new PaymentOutcome("Pending", false, null, null, accepted: true, isPayout: false) { AfterAuthentication = authorization };
        return authorization;
    }

    /// <summary>For a payment pending 3DS: what the authorization gives once the cardholder is authenticated (the card's and amount's rules).</summary>
    public PaymentOutcome? AfterAuthentication { get; private init; }

    /// <summary>The cardholder failed the 3DS challenge: declined, <c>20151</c>.</summary>
    public static PaymentOutcome FailedAuthentication { get; } = Decline("20151", "Cardholder failed 3DS authentication");

    /// <summary>The end of a payout: paid, or declined as its amount says.</summary>
    public static PaymentOutcome Settled(PaymentLedger.Payment payout) =>
        CheckoutTestAmounts.DeclineOf(payout.Amount) is { } decline ? Decline(decline.Code, decline.Summary) : new PaymentOutcome("Paid", true, "10000", "Approved", false, isPayout: true);

    private static PaymentOutcome? Declined(JObject request)
    {
        var card = ((string?)request["source"]?["number"])?.Replace(" ", "", System.StringComparison.Ordinal);
        var decline = CheckoutTestCards.DeclineOf(card) ?? CheckoutTestAmounts.DeclineOf((long?)request["amount"] ?? 0);
        return decline is { } d ? Decline(d.Code, d.Summary) : null;
    }

    private static PaymentOutcome Decline(string code, string summary) => new("Declined", false, code, summary, accepted: false, isPayout: false);
}
