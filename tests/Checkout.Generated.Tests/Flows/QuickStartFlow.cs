using System;
using System.Threading.Tasks;
using Checkout.Generated.Models;

namespace Checkout.Generated.Tests.Flows;

/// <summary>
/// The steps of samples/QuickStart's payment flow (card payment, capture, partial refund, details, actions), for
/// tests that need that traffic: the test project does not reference a sample, so a sample never stops it building.
/// </summary>
internal static class QuickStartFlow
{
    public const long Amount = 1000;
    public const long Refund = 400;

    /// <summary>Runs the flow and returns the payment id.</summary>
    public static async Task<string> RunAsync(IPaymentsClient payments)
    {
        var request = new PaymentRequest
        {
            Source = new PaymentRequestCardSource { Number = "4242424242424242", ExpiryMonth = 12, ExpiryYear = DateTime.UtcNow.Year + 2, Cvv = "100" },
            Amount = Amount,
            Currency = "GBP",
            Reference = "quick-start",
            Capture = false,
        };
        var payment = (await payments.RequestPaymentOrPayoutAsync(body: request)).Created ?? throw new InvalidOperationException("The payment is pending (202), not authorised.");
        var id = payment.Id ?? throw new InvalidOperationException("The payment response has no id.");
        await payments.CapturePaymentAsync(id, body: new CaptureRequest { Amount = Amount });
        await payments.RefundPaymentAsync(id, body: new RefundRequest { Amount = Refund });
        await payments.GetPaymentDetailsAsync(id);
        await payments.GetPaymentActionsAsync(id);
        return id;
    }
}
