using System.Collections.Generic;
using System.Linq;

namespace Checkout.Generated.Webhooks;

/// <summary>What the receiver has accepted: each event once (a redelivery with the same id is counted, not stored twice).</summary>
public sealed class WebhookInbox
{
    private readonly List<CheckoutWebhookEvent> _events = new();
    private readonly Dictionary<string, int> _deliveries = new();

    /// <summary>The accepted events, in arrival order.</summary>
    public IReadOnlyList<CheckoutWebhookEvent> Events
    {
        get { lock (_events) return _events.ToList(); }
    }

    /// <summary>How many times the event with this id arrived.</summary>
    public int Deliveries(string eventId)
    {
        lock (_events) return _deliveries.TryGetValue(eventId, out var n) ? n : 0;
    }

    /// <summary>Records an event; false when its id was seen before.</summary>
    public bool Add(CheckoutWebhookEvent webhook)
    {
        lock (_events)
        {
            var id = webhook.Id ?? "";
            _deliveries[id] = _deliveries.TryGetValue(id, out var n) ? n + 1 : 1;
            if (n > 0) return false;
            _events.Add(webhook);
            return true;
        }
    }
}
