using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>
/// The local server's disputes, as Checkout's sandbox raises them: a captured payment of <see cref="CheckoutTestAmounts.Disputed"/>
/// is disputed (<c>evidence_required</c>); evidence is provided, then submitted (<c>evidence_under_review</c>, later <c>won</c>), or the dispute is accepted.
/// </summary>
internal sealed class DisputeLedger
{
    private readonly ConcurrentDictionary<string, Dispute> _disputes = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _sequence;

    public DisputeLedger(TimeProvider time) => _time = time;

    public sealed class Dispute
    {
        public string Id { get; init; } = "";
        public long Sequence { get; init; }
        public string PaymentId { get; init; } = "";
        public string PaymentActionId { get; init; } = "";
        public string? PaymentReference { get; init; }
        public long Amount { get; init; }
        public string Currency { get; init; } = "";
        public string Category { get; init; } = "fraudulent";
        public string ReasonCode { get; init; } = "10.4";
        public string Status { get; set; } = "evidence_required";
        public DateTimeOffset ReceivedOn { get; init; }
        public DateTimeOffset EvidenceRequiredBy { get; init; }
        public DateTimeOffset LastUpdate { get; set; }
        public JObject Evidence { get; } = new();
        public object Lock { get; } = new();
    }

    /// <summary>Every dispute, in the order they were raised.</summary>
    public IReadOnlyList<Dispute> All => _disputes.Values.OrderBy(d => d.Sequence).ToList();

    public Dispute? Find(string id) => _disputes.TryGetValue(id, out var dispute) ? dispute : null;

    /// <summary>Raises a dispute over a capture, or null when the payment is not one the sandbox disputes.</summary>
    public Dispute? RaiseFor(PaymentLedger.Payment payment, JObject capture)
    {
        if ((string?)capture["type"] != "Capture" || payment.Amount != CheckoutTestAmounts.Disputed) return null;
        var now = _time.GetUtcNow();
        var dispute = new Dispute
        {
            Id = PaymentLedger.NewId("dsp_"), Sequence = System.Threading.Interlocked.Increment(ref _sequence), PaymentId = payment.Id,
            PaymentActionId = (string?)capture["id"] ?? "", PaymentReference = payment.Reference, Amount = (long?)capture["amount"] ?? payment.Amount,
            Currency = payment.Currency, ReceivedOn = now, EvidenceRequiredBy = now.AddDays(7), LastUpdate = now,
        };
        _disputes[dispute.Id] = dispute;
        return dispute;
    }

    /// <summary>Moves a dispute from <paramref name="from"/> to <paramref name="to"/>; false when it is not in <paramref name="from"/>.</summary>
    public bool Move(Dispute dispute, string from, string to)
    {
        lock (dispute.Lock)
        {
            if (dispute.Status != from) return false;
            dispute.Status = to;
            dispute.LastUpdate = _time.GetUtcNow();
            return true;
        }
    }

    /// <summary>The dispute's fields over <paramref name="template"/> (an example of the answer): call under no lock.</summary>
    public static JObject View(Dispute dispute, JObject? template)
    {
        var view = template?.DeepClone() as JObject ?? new JObject();
        lock (dispute.Lock)
        {
            view["id"] = dispute.Id;
            view["category"] = dispute.Category;
            view["status"] = dispute.Status;
            view["amount"] = dispute.Amount;
            view["currency"] = dispute.Currency;
            view["reason_code"] = dispute.ReasonCode;
            view["evidence_required_by"] = Time(dispute.EvidenceRequiredBy);
            view["received_on"] = Time(dispute.ReceivedOn);
            view["last_update"] = Time(dispute.LastUpdate);
            view.Remove("resolved_reason");
            if (view["payment"] is JObject payment)
            {
                payment["id"] = dispute.PaymentId;
                payment["action_id"] = dispute.PaymentActionId;
                payment["amount"] = dispute.Amount;
                payment["currency"] = dispute.Currency;
                if (dispute.PaymentReference is not null) payment["reference"] = dispute.PaymentReference;
            }
            else
            {
                view["payment_id"] = dispute.PaymentId;
                view["payment_action_id"] = dispute.PaymentActionId;
                if (dispute.PaymentReference is not null) view["payment_reference"] = dispute.PaymentReference;
            }
        }

        return view;
    }

    /// <summary>The data of a dispute event.</summary>
    public static JObject EventData(Dispute dispute)
    {
        var data = View(dispute, null);
        data.Remove("payment");
        return data;
    }

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
