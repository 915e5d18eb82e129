using System;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>Turns the local server's state changes (payment actions, dispute changes) into signed webhooks, in the order they happen.</summary>
internal sealed class MockEvents
{
    private readonly WebhookSender _webhooks;
    private readonly TimeProvider _time;
    private readonly Func<string, Uri?> _paymentLink;

    /// <param name="webhooks">The sender (which does nothing without a receiver URL).</param>
    /// <param name="time">The clock of the events' <c>created_on</c>.</param>
    /// <param name="paymentLink">The details link of a payment, once the server listens (null before, or without a details operation).</param>
    public MockEvents(WebhookSender webhooks, TimeProvider time, Func<string, Uri?> paymentLink)
    {
        _webhooks = webhooks;
        _time = time;
        _paymentLink = paymentLink;
    }

    /// <summary>A payment lifecycle action: the spec's event type for its outcome (<c>payment_approved</c>, <c>payment_captured</c>, …).</summary>
    public void PaymentAction(PaymentLedger.Payment payment, JObject action)
    {
        if (!_webhooks.Enabled) return;
        lock (payment.Lock)
        {
            if (WebhookEvents.TypeFor(WebhookEvents.OutcomeOf(payment, action)) is not { } type) return;
            _webhooks.Enqueue(WebhookEvents.Create(type, payment, action, _time.GetUtcNow(), _paymentLink(payment.Id)));
        }
    }

    /// <summary>A dispute change, as the event type the spec names for it.</summary>
    public void DisputeChanged(DisputeLedger.Dispute dispute, string eventType)
    {
        if (!_webhooks.Enabled) return;
        var link = _paymentLink(dispute.PaymentId);
        _webhooks.Enqueue(WebhookEvents.Envelope(eventType, DisputeLedger.EventData(dispute), _time.GetUtcNow(),
            link is null ? null : new JObject { ["payment"] = new JObject { ["href"] = link.ToString() } }));
    }
}
