using System;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>Builds the event the local server sends for a payment lifecycle action, with an event type the spec names.</summary>
/// <remarks>
/// The spec lists event types but not which action raises which; the outcome words of the lifecycle (approved, captured, …)
/// are matched against the catalog's event types whose data is typed, so the server sends only types the spec names.
/// </remarks>
internal static class WebhookEvents
{
    /// <summary>The catalog event type for a lifecycle outcome (<c>captured</c> → the typed type ending in <c>_captured</c>), or null.</summary>
    /// <remarks>A paid payout is <c>payment_paid</c> when the spec names it, else the approval's type.</remarks>
    public static string? TypeFor(string outcome) =>
        CheckoutEventCatalog.EventTypes.FirstOrDefault(t => CheckoutEventCatalog.DataTypeOf(t) is not null && t.EndsWith("_" + outcome, StringComparison.Ordinal))
        ?? (outcome == "paid" ? TypeFor("approved") : null);

    /// <summary>The first of <paramref name="candidates"/> the spec names (any data), or null.</summary>
    public static string? Named(params string[] candidates) => candidates.FirstOrDefault(c => CheckoutEventCatalog.EventTypes.Contains(c, StringComparer.Ordinal));

    /// <summary>The event envelope around <paramref name="data"/>.</summary>
    public static JObject Envelope(string eventType, JObject data, DateTimeOffset now, JObject? links)
    {
        var evt = new JObject
        {
            ["id"] = PaymentLedger.NewId("evt_"),
            ["type"] = eventType,
            ["version"] = "1.0.0",
            ["created_on"] = now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["data"] = data,
        };
        if (links is not null) evt["_links"] = links;
        return evt;
    }

    /// <summary>The outcome word of an action on a payment: approved, declined or pending for the authorization, else the action's past tense.</summary>
    public static string OutcomeOf(PaymentLedger.Payment payment, JObject action) => (string?)action["type"] switch
    {
        "Authorization" or "Payout" when payment.Status == "Pending" => "pending",
        "Authorization" => (bool?)action["approved"] == false ? "declined" : "approved",
        "Payout" => (bool?)action["approved"] == false ? "declined" : "paid",
        "Capture" => "captured",
        "Refund" => "refunded",
        "Void" => "voided",
        var other => (other ?? "unknown").ToLowerInvariant(),
    };

    /// <summary>The event envelope (<c>id</c>, <c>type</c>, <c>version</c>, <c>created_on</c>, <c>data</c>, <c>_links</c>); call under the payment's lock.</summary>
    public static JObject Create(string eventType, PaymentLedger.Payment payment, JObject action, DateTimeOffset now, Uri? paymentLink)
    {
        var data = new JObject
        {
            ["id"] = payment.Id,
            ["action_id"] = action["id"]?.DeepClone(),
            ["amount"] = action["amount"]?.DeepClone(),
            ["currency"] = payment.Currency,
            ["approved"] = action["approved"]?.DeepClone(),
            ["status"] = payment.Status,
            ["response_code"] = action["response_code"]?.DeepClone(),
            ["response_summary"] = action["response_summary"]?.DeepClone(),
            ["processed_on"] = action["processed_on"]?.DeepClone(),
        };
        if (payment.Reference is not null) data["reference"] = payment.Reference;
        return Envelope(eventType, data, now, paymentLink is null ? null : new JObject { ["payment"] = new JObject { ["href"] = paymentLink.ToString() } });
    }
}
