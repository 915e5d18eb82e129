using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>The local server's payments: created (approved, declined, pending 3DS or payout), captured, refunded and voided, with their actions.</summary>
internal sealed class PaymentLedger
{
    private readonly ConcurrentDictionary<string, Payment> _payments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Payment> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _sequence;

    public PaymentLedger(TimeProvider time) => _time = time;

    public sealed class Payment
    {
        public string Id { get; init; } = "";
        public long Sequence { get; init; }
        public long Amount { get; init; }
        public string Currency { get; init; } = "";
        public string? Reference { get; init; }
        public string Status { get; set; } = "Authorized";
        public bool Approved { get; set; } = true;
        public string? ResponseCode { get; set; }
        public string? ResponseSummary { get; set; }
        public bool IsPayout { get; init; }

        /// <summary>For a payment pending 3DS: its session (<c>sid_…</c>), the outcome once authenticated, and where the browser goes back to.</summary>
        public string SessionId { get; init; } = "";
        public PaymentOutcome? AfterAuthentication { get; set; }
        public string? SuccessUrl { get; init; }
        public string? FailureUrl { get; init; }
        public long Captured { get; set; }
        public long Refunded { get; set; }
        public JObject Template { get; init; } = new();
        public List<JObject> Actions { get; } = new();
        public object Lock { get; } = new();
    }

    /// <summary>Every payment, in creation order.</summary>
    public IReadOnlyList<Payment> All => _payments.Values.OrderBy(p => p.Sequence).ToList();

    /// <summary>Creates a payment; <paramref name="outcome"/> decides its state (an approval, a decline, a pending 3DS or payout).</summary>
    public Payment Create(JObject request, JObject template, PaymentOutcome outcome)
    {
        var payment = new Payment
        {
            Id = NewId("pay_"), Sequence = System.Threading.Interlocked.Increment(ref _sequence), Amount = (long?)request["amount"] ?? 0,
            Currency = (string?)request["currency"] ?? "GBP", Reference = (string?)request["reference"], Template = template,
            Status = outcome.Status, Approved = outcome.Approved, ResponseCode = outcome.ResponseCode, ResponseSummary = outcome.ResponseSummary,
            IsPayout = outcome.IsPayout, SessionId = NewId("sid_"), AfterAuthentication = outcome.AfterAuthentication,
            SuccessUrl = (string?)request["success_url"], FailureUrl = (string?)request["failure_url"],
        };
        payment.Actions.Add(Action(outcome.IsPayout ? "Payout" : "Authorization", payment.Amount, payment.Reference, outcome));
        _payments[payment.Id] = payment;
        _sessions[payment.SessionId] = payment;
        return payment;
    }

    /// <summary>A payment by its id (<c>pay_…</c>) or, as Checkout allows after a redirect, its session id (<c>sid_…</c>).</summary>
    public Payment? Find(string id) => _payments.TryGetValue(id, out var payment) || _sessions.TryGetValue(id, out payment) ? payment : null;

    /// <summary>
    /// Ends a pending payment (3DS completed, payout settled) with <paramref name="outcome"/>: its status, approval and codes, and a
    /// new first action in place of the pending one. Null when the payment is no longer pending.
    /// </summary>
    public JObject? Complete(Payment payment, PaymentOutcome outcome)
    {
        lock (payment.Lock)
        {
            if (payment.Status != "Pending") return null;
            payment.Status = outcome.Status;
            payment.Approved = outcome.Approved;
            payment.ResponseCode = outcome.ResponseCode;
            payment.ResponseSummary = outcome.ResponseSummary;
            payment.AfterAuthentication = null;
            var action = Action(payment.IsPayout ? "Payout" : "Authorization", payment.Amount, payment.Reference, outcome);
            payment.Actions[0] = action;
            return action;
        }
    }

    /// <summary>Applies a capture, refund or void; returns the new action, or null when the payment's state does not allow it.</summary>
    public JObject? Apply(Payment payment, string kind, long? amount, string? reference)
    {
        lock (payment.Lock)
        {
            switch (kind)
            {
                case "Capture":
                    var capturable = payment.Amount - payment.Captured;
                    var capture = amount ?? capturable;
                    if (payment.Status is not ("Authorized" or "Partially Captured") || capture <= 0 || capture > capturable) return null;
                    payment.Captured += capture;
                    payment.Status = payment.Captured == payment.Amount ? "Captured" : "Partially Captured";
                    return Record(payment, Action("Capture", capture, reference, PaymentOutcome.Approval));
                case "Refund":
                    var refundable = payment.Captured - payment.Refunded;
                    var refund = amount ?? refundable;
                    if (refund <= 0 || refund > refundable) return null;
                    payment.Refunded += refund;
                    payment.Status = payment.Refunded == payment.Captured ? "Refunded" : "Partially Refunded";
                    return Record(payment, Action("Refund", refund, reference, PaymentOutcome.Approval));
                case "Void":
                    if (payment.Status != "Authorized") return null;
                    payment.Status = "Voided";
                    return Record(payment, Action("Void", payment.Amount, reference, PaymentOutcome.Approval));
                default:
                    return null;
            }
        }
    }

    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N").Substring(0, 26);

    private static JObject Record(Payment payment, JObject action)
    {
        payment.Actions.Add(action);
        return action;
    }

    private JObject Action(string type, long amount, string? reference, PaymentOutcome outcome)
    {
        var action = new JObject
        {
            ["id"] = NewId("act_"), ["type"] = type, ["processed_on"] = _time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["amount"] = amount, ["approved"] = outcome.Approved, ["response_code"] = outcome.ResponseCode, ["response_summary"] = outcome.ResponseSummary,
        };
        if (reference is not null) action["reference"] = reference;
        return action;
    }
}
