using System;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Models;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Shop;

/// <summary>The shop's use of Checkout.com: pay an order with a card (3DS when asked), and confirm it when the shopper comes back.</summary>
public sealed class ShopPayments
{
    private readonly IPaymentsClient _payments;

    /// <summary>Creates the service over the Checkout client (from DI).</summary>
    public ShopPayments(ICheckoutClient checkout) => _payments = (checkout ?? throw new ArgumentNullException(nameof(checkout))).Payments;

    /// <summary>
    /// Requests the payment of <paramref name="order"/>. Returns where to send the shopper's browser: the 3DS challenge on a
    /// 202, else null (the order is paid or failed already).
    /// </summary>
    /// <param name="order">The order to pay.</param>
    /// <param name="card">The card number (a test card against the local server or a sandbox).</param>
    /// <param name="threeDs">Ask for 3DS authentication.</param>
    /// <param name="returnUrl">The shop's page the shopper comes back to after 3DS (success and failure alike).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<Uri?> PayAsync(Order order, string card, bool threeDs, Uri returnUrl, CancellationToken cancellationToken = default)
    {
        if (order is null) throw new ArgumentNullException(nameof(order));
        var body = new JObject
        {
            ["source"] = new JObject { ["type"] = "card", ["number"] = card, ["expiry_month"] = 12, ["expiry_year"] = DateTime.UtcNow.Year + 2, ["cvv"] = "100" },
            ["amount"] = order.Amount, ["currency"] = order.Currency, ["reference"] = order.Id, ["capture"] = false,
            ["success_url"] = returnUrl.AbsoluteUri, ["failure_url"] = returnUrl.AbsoluteUri,
        };
        if (threeDs) body["3ds"] = new JObject { ["enabled"] = true };
        // Built from JSON: the request reads the same against every spec release (3DS and URL properties are named differently across them).
        var request = CheckoutJson.ToObject<PaymentRequest>(body) ?? throw new InvalidOperationException("The payment request could not be built.");
        // The order id is the idempotency key: a retried or double-clicked payment is one payment.
        var result = await _payments.RequestPaymentOrPayoutAsync(request, new CheckoutRequestOptions { IdempotencyKey = order.Id }, cancellationToken).ConfigureAwait(false);
        var answer = JObject.Parse(CheckoutJson.Serialize((object?)result.Created ?? result.Accepted));
        order.PaymentId = (string?)answer["id"];
        if (result.Accepted is not null && (string?)answer["_links"]?["redirect"]?["href"] is { } redirect)
        {
            order.AwaitAuthentication();
            return new Uri(redirect);
        }

        Settle(order, answer);
        return null;
    }

    /// <summary>After 3DS: reads the payment by the <c>cko-session-id</c> Checkout.com sent the shopper back with, and settles the order.</summary>
    public async Task ConfirmAsync(Order order, string sessionId, CancellationToken cancellationToken = default)
    {
        if (order is null) throw new ArgumentNullException(nameof(order));
        if (string.IsNullOrEmpty(sessionId)) throw new ArgumentException("The cko-session-id is missing.", nameof(sessionId));
        var details = await _payments.GetPaymentDetailsAsync(sessionId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var answer = JObject.Parse(CheckoutJson.Serialize(details));
        if ((string?)answer["reference"] is { } reference && reference != order.Id)
            throw new InvalidOperationException($"The session belongs to another order ({reference}), not {order.Id}.");
        Settle(order, answer);
    }

    private static void Settle(Order order, JObject payment)
    {
        if ((bool?)payment["approved"] == true) order.Paid();
        else order.Failed($"{(string?)payment["response_code"]} {(string?)payment["response_summary"]}".Trim());
    }
}
