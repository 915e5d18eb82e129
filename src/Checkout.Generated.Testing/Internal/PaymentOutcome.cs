using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>
/// What a new payment request leads to, by Checkout's sandbox conventions: a payout (a <c>destination</c>, no <c>source</c>) and a
/// 3DS payment not yet authenticated (no <c>cryptogram</c>) are pending; an amount whose last two digits are a decline code (05, 12, 14, 51, 54, 62) is declined with that code.
/// </summary>
internal sealed class PaymentOutcome
{
    public static readonly PaymentOutcome Approval = new("Authorized", true, "10000", "Approved", accepted: false, isPayout: false);

    private static readonly (long Cents, string Code, string Summary)[] Declines =
    {
        (5, "20005", "Declined - Do not honour"), (12, "20012", "Invalid Transaction"), (14, "20014", "Invalid Card Number"),
        (51, "20051", "Insufficient Funds"), (54, "20054", "Expired Card"), (62, "20062", "Restricted Card"),
    };

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
        if (request["destination"] is JObject && request["source"] is null) return new PaymentOutcome("Pending", true, null, null, accepted: true, isPayout: true);
        // 3DS without the result of an authentication done elsewhere (eci, cryptogram): the customer must be redirected.
        if (request["3ds"] is JObject threeDs && (bool?)threeDs["enabled"] == true && threeDs["cryptogram"] is null) return new PaymentOutcome("Pending", true, null, null, accepted: true, isPayout: false);
        var amount = (long?)request["amount"] ?? 0;
        foreach (var (cents, code, summary) in Declines)
        {
            if (amount % 100 == cents) return new PaymentOutcome("Declined", false, code, summary, accepted: false, isPayout: false);
        }

        return Approval;
    }
}
