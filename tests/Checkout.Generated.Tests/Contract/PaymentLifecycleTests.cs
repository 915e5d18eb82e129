using Checkout.Generated.Models;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Contract;

/// <summary>
/// The quick start's flow (samples/QuickStart, run by CI) through DI with OAuth against the local server: a card
/// payment, its capture, a partial refund, then its details and actions. Arguments go by name, as in the sample, so
/// the test compiles against every spec release whatever optional parameters it declares.
/// </summary>
[Category("Contract")]
public class PaymentLifecycleTests
{
    [Test]
    public async Task CaptureThenPartialRefund_ThroughDiWithOAuth_ReportsPartiallyRefundedWithThreeActions()
    {
        TestPlatform.RequireOAuth();
        await using var server = await CheckoutMockServer.StartAsync();
        var services = new ServiceCollection();
        services.AddCheckoutClient(options => server.Configure(options));
        await using var provider = services.BuildServiceProvider();
        var payments = provider.GetRequiredService<IPaymentsClient>();
        var request = new PaymentRequest
        {
            Source = new PaymentRequestCardSource { Number = "4242424242424242", ExpiryMonth = 12, ExpiryYear = DateTime.UtcNow.Year + 2, Cvv = "100" },
            Amount = 1000,
            Currency = "GBP",
            Reference = "lifecycle",
            Capture = false,
        };

        var payment = (await payments.RequestPaymentOrPayoutAsync(body: request)).Created!;
        await payments.CapturePaymentAsync(payment.Id!, body: new CaptureRequest { Amount = 1000 });
        await payments.RefundPaymentAsync(payment.Id!, body: new RefundRequest { Amount = 400 });
        var details = await payments.GetPaymentDetailsAsync(payment.Id!);
        var actions = CheckoutJson.ToObject<List<PaymentAction>>(await payments.GetPaymentActionsAsync(payment.Id!))!;

        var create = CheckoutOperationCatalog.All.Single(o => o.Method == "POST" && o.PathTemplate == "/payments");
        Assert.Multiple(() =>
        {
            Assert.That(payment.Approved, Is.True);
            Assert.That(details.Id, Is.EqualTo(payment.Id));
            Assert.That(details.Status?.ToString(), Is.EqualTo("Partially Refunded"));
            Assert.That(actions.Select(a => $"{a.Type} {a.Amount}"), Is.EquivalentTo(new[] { "Authorization 1000", "Capture 1000", "Refund 400" }));
            Assert.That(server.RequestCount(create.Id), Is.EqualTo(1));
            Assert.That(server.RequestCounts.Where(c => CheckoutOperationCatalog.Find(c.Key)!.Host != "access").Sum(c => c.Value), Is.EqualTo(5), "payment, capture, refund, details, actions");
            Assert.That(server.RequestCounts.Where(c => CheckoutOperationCatalog.Find(c.Key)!.Host == "access").Sum(c => c.Value), Is.GreaterThanOrEqualTo(1), "the OAuth token exchange");
        });
    }
}
