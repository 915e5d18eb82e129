using System.Globalization;
using System.Linq;
using System.Net;

namespace Checkout.Generated.Shop;

/// <summary>The shop's HTML: the checkout page and an order's page.</summary>
internal static class ShopPages
{
    public static string Checkout(string item, long amount, string currency) => Layout("Checkout", $"""
        <h1>Checkout</h1>
        <p>You are buying <strong>{Html(item)}</strong> for <strong id="total">{Money(amount, currency)}</strong>.</p>
        <form method="post" action="/checkout">
          <label>Card number <input id="card" name="card" value="{Testing.CheckoutTestCards.ApprovedVisa}" autocomplete="off" size="22"></label>
          <p class="hint">Test cards: {Testing.CheckoutTestCards.ApprovedVisa} (approved), {Testing.CheckoutTestCards.DeclinedInsufficientFunds} (declined), {Testing.CheckoutTestCards.ThreeDsChallenge} (3DS).</p>
          <label><input id="three-ds" type="checkbox" name="threeDs" value="true" checked> Verify with 3-D Secure</label>
          <p><button id="pay" type="submit">Pay {Money(amount, currency)}</button></p>
        </form>
        """);

    public static string Order(Order order)
    {
        var (title, css) = order.Status switch
        {
            OrderStatus.Paid => ("Thank you: your order is paid", "paid"),
            OrderStatus.Failed => ("Payment failed", "failed"),
            OrderStatus.AwaitingAuthentication => ("Waiting for 3-D Secure", "pending"),
            _ => ("Awaiting payment", "pending"),
        };
        var webhooks = order.Webhooks.Count == 0 ? "<li>none yet</li>" : string.Concat(order.Webhooks.Select(w => $"<li>{Html(w)}</li>"));
        var reason = order.FailureReason is { Length: > 0 } r ? $"<p>Reason: <span id=\"reason\">{Html(r)}</span></p>" : "";
        return Layout(title, $"""
            <h1 class="{css}">{title}</h1>
            <p>Order <span id="order-id">{Html(order.Id)}</span>: {Html(order.Item)}, {Money(order.Amount, order.Currency)}.</p>
            <p>Status: <strong id="status" class="{css}">{order.Status}</strong></p>
            {reason}
            <p>Payment: <span id="payment-id">{Html(order.PaymentId ?? "none")}</span></p>
            <h2>Webhooks received</h2>
            <ul id="webhooks">{webhooks}</ul>
            <p><a href="/">Buy again</a></p>
            """);
    }

    public static string Money(long amount, string currency) => (amount / 100m).ToString("0.00", CultureInfo.InvariantCulture) + " " + currency;

    private static string Layout(string title, string body) =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Html(title)} - Local Shop</title>"
        + "<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto}.paid{color:#137333}.failed{color:#b3261e}.pending{color:#8a6d00}"
        + "label{display:block;margin:.5rem 0}.hint{color:#555;font-size:.85rem}button{font-size:1.1rem;padding:.5rem 1.2rem}</style>"
        + $"</head><body><p><strong>Local Shop</strong> (sample, paying against the local Checkout server)</p>{body}</body></html>";

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
