using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Checkout.Generated.Shop;

/// <summary>Updates orders from Checkout.com's webhooks (verified by Checkout.Generated.AspNetCore before they get here).</summary>
public sealed class ShopWebhooks
{
    /// <summary>The path the webhooks are posted to.</summary>
    public const string Path = "/webhooks/checkout";

    private readonly OrderBook _orders;

    /// <summary>Creates the handler over the shop's orders.</summary>
    public ShopWebhooks(OrderBook orders) => _orders = orders;

    /// <summary>Records the event on its order; an approval or capture pays it, a decline fails it.</summary>
    public Task HandleAsync(CheckoutWebhookEvent webhook, HttpContext context)
    {
        // The reference is the order id: it finds the order even before the payment's answer has given the shop its payment id.
        var order = (string?)webhook.RawData?["reference"] is { } reference ? _orders.Find(reference) : null;
        order ??= (string?)webhook.RawData?["id"] is { } paymentId ? _orders.ByPayment(paymentId) : null;
        if (order is null) return Task.CompletedTask;
        order.Received(webhook.Type ?? "unknown");
        switch (webhook.Type)
        {
            case "payment_approved" or "payment_captured":
                order.Paid();
                break;
            case "payment_declined":
                order.Failed($"{(string?)webhook.RawData?["response_code"]} {(string?)webhook.RawData?["response_summary"]}".Trim());
                break;
        }

        return Task.CompletedTask;
    }
}
