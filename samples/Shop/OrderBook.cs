using System;
using System.Collections.Concurrent;
using System.Linq;

namespace Checkout.Generated.Shop;

/// <summary>The shop's orders, in memory.</summary>
public sealed class OrderBook
{
    private readonly ConcurrentDictionary<string, Order> _orders = new(StringComparer.Ordinal);

    /// <summary>Opens an order.</summary>
    public Order Open(string item, long amount, string currency)
    {
        var order = new Order("ord_" + Guid.NewGuid().ToString("N")[..20], item, amount, currency);
        _orders[order.Id] = order;
        return order;
    }

    /// <summary>An order by id, or null.</summary>
    public Order? Find(string id) => _orders.TryGetValue(id, out var order) ? order : null;

    /// <summary>The order paid by this payment, or null.</summary>
    public Order? ByPayment(string paymentId) => _orders.Values.FirstOrDefault(o => o.PaymentId == paymentId);
}
