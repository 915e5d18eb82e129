using Checkout.Generated.Models;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Checkout.Generated.QuickStart;

/// <summary>The quick start's flow: a card payment, its capture, a partial refund, then the payment's details and actions.</summary>
public sealed class PaymentFlow
{
    /// <summary>Checkout.com's documented Visa test card.</summary>
    private const string TestCard = "4242424242424242";
    private const int Amount = 1000;
    private const int Refund = 400;
    private readonly IPaymentsClient _payments;

    /// <summary>Creates the flow over the Checkout client (from DI or <see cref="CheckoutClientFactory"/>).</summary>
    public PaymentFlow(ICheckoutClient checkout) => _payments = (checkout ?? throw new ArgumentNullException(nameof(checkout))).Payments;

    /// <summary>Runs the flow; throws <see cref="PaymentFlowException"/> when a step's outcome is not the documented one.</summary>
    public async Task<PaymentFlowResult> RunAsync(TextWriter output, CancellationToken cancellationToken = default)
    {
        var request = new PaymentRequest
        {
            Source = new PaymentRequestCardSource { Number = TestCard, ExpiryMonth = 12, ExpiryYear = DateTime.UtcNow.Year + 2, Cvv = "100", Name = "Quick Start" },
            Amount = Amount,
            Currency = "GBP",
            Reference = "quickstart-" + Guid.NewGuid().ToString("N").Substring(0, 8),
            Capture = false,
        };

        // POST /payments documents 201 (authorised) and 202 (pending: 3DS or a redirect); neither throws.
        var result = await _payments.RequestPaymentOrPayoutAsync(request, NewKey(), cancellationToken).ConfigureAwait(false);
        var payment = result.Created
            ?? throw new PaymentFlowException($"The payment flow went wrong: the payment is pending (HTTP {result.StatusCode}, status {result.Accepted?.Status}): send the customer to its redirect link.");
        Expect(payment.Approved == true, $"the payment was not approved (status {payment.Status}, response {payment.ResponseCode})");
        var paymentId = payment.Id ?? throw new PaymentFlowException("The payment flow went wrong: the payment response has no id.");
        await _payments.CapturePaymentAsync(paymentId, new CaptureRequest { Amount = Amount, Reference = request.Reference }, NewKey(), cancellationToken).ConfigureAwait(false);
        await _payments.RefundPaymentAsync(paymentId, new RefundRequest { Amount = Refund, Reference = request.Reference }, NewKey(), cancellationToken).ConfigureAwait(false);
        var details = await _payments.GetPaymentDetailsAsync(paymentId, cancellationToken: cancellationToken).ConfigureAwait(false);
        // Documented as a list of actions (payments) or an object (card payouts), a union in some spec releases and a
        // list in others: read as the list a card payment has, this compiles against every release.
        var actions = CheckoutJson.ToObject<List<PaymentAction>>(await _payments.GetPaymentActionsAsync(paymentId, cancellationToken: cancellationToken).ConfigureAwait(false))
            ?? throw new PaymentFlowException("The payment flow went wrong: the payment has no actions.");

        output.WriteLine($"Payment {details.Id}: {details.Status}, {details.Amount} {details.Currency}, actions: {string.Join(", ", actions.Select(a => $"{a.Type} {a.Amount}"))}.");
        Expect(details.Id == paymentId, "the details are of another payment");
        Expect(actions.Any(a => a.Type == "Capture") && actions.Any(a => a.Type == "Refund" && a.Amount == Refund), "the capture or the refund is missing from the payment's actions");
        return new PaymentFlowResult(paymentId, details.Status?.ToString() ?? "", actions.Count);
    }

    private static CheckoutRequestOptions NewKey() => new() { IdempotencyKey = Guid.NewGuid().ToString("N") };

    private static void Expect(bool condition, string what)
    {
        if (!condition) throw new PaymentFlowException($"The payment flow went wrong: {what}.");
    }
}
