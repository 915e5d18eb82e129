using System;
using System.Collections.Generic;
using System.Linq;

namespace Checkout.Generated.Shop;

/// <summary>One order of the shop: what is bought, its payment, and what Checkout.com said about it (answers and webhooks).</summary>
public sealed class Order
{
    private readonly List<string> _webhooks = new();

    internal Order(string id, string item, long amount, string currency)
    {
        Id = id;
        Item = item;
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The order id (<c>ord_…</c>), also the payment's reference.</summary>
    public string Id { get; }

    /// <summary>What is bought.</summary>
    public string Item { get; }

    /// <summary>The amount in minor units.</summary>
    public long Amount { get; }

    /// <summary>The ISO currency code.</summary>
    public string Currency { get; }

    /// <summary>The order's state.</summary>
    public OrderStatus Status { get; private set; } = OrderStatus.AwaitingPayment;

    /// <summary>The Checkout.com payment id (<c>pay_…</c>), once requested.</summary>
    public string? PaymentId { get; internal set; }

    /// <summary>Why the payment failed (Checkout's response code and summary), when it did.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>The webhook event types received for the order's payment, in arrival order.</summary>
    public IReadOnlyList<string> Webhooks
    {
        get { lock (_webhooks) return _webhooks.ToList(); }
    }

    internal void Paid()
    {
        lock (_webhooks) Status = OrderStatus.Paid;
    }

    internal void Failed(string? reason)
    {
        lock (_webhooks)
        {
            // A paid order stays paid: a late or replayed decline says nothing new.
            if (Status == OrderStatus.Paid) return;
            Status = OrderStatus.Failed;
            FailureReason = reason;
        }
    }

    internal void AwaitAuthentication()
    {
        lock (_webhooks) Status = OrderStatus.AwaitingAuthentication;
    }

    internal void Received(string eventType)
    {
        lock (_webhooks) _webhooks.Add(eventType);
    }
}
