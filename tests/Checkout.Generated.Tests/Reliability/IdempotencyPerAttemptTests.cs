using Checkout.Generated.Models;
using System;
using System.Linq;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Reliability;

/// <summary>
/// Why docs/results.md says one idempotency key per payment attempt: a decline is a 201 kept under its key, so the
/// shopper's next card under the same key (the order id, say) is refused, while a new key gets a new answer.
/// </summary>
[TestFixture]
[Category("Reliability")]
public sealed class IdempotencyPerAttemptTests
{
    /// <summary>Ends in 05: declined 20005 by the sandbox's (and the local server's) amount convention.</summary>
    private const long DeclinedAmount = 10005;

    private static PaymentRequest Card(string number) => new()
    {
        Source = new PaymentRequestCardSource { Number = number, ExpiryMonth = 12, ExpiryYear = DateTime.UtcNow.Year + 2, Cvv = "100" },
        Amount = DeclinedAmount,
        Currency = "GBP",
        Reference = "order-1",
    };

    private static async Task<(CheckoutMockServer Server, CheckoutClientFactory Factory)> StartAsync()
    {
        if (!CheckoutOperationCatalog.All.Any(o => o.Method == "POST" && o.PathTemplate == "/payments" && o.IdempotencyKeyHeader is not null))
            Assert.Ignore("this spec release has no POST /payments declaring an idempotency key");
        var server = await CheckoutMockServer.StartAsync();
        return (server, new CheckoutClientFactory(server.Configure(new CheckoutOptions())));
    }

    [Test]
    public async Task RequestPayment_DeclinedThenAnotherCardUnderTheSameKey_Is409RequestConflict()
    {
        var (server, factory) = await StartAsync();
        await using var stop = server;
        using var _ = factory;
        var payments = factory.Create<IPaymentsClient>();
        var orderId = new CheckoutRequestOptions { IdempotencyKey = "order-1" };

        var first = await payments.RequestPaymentOrPayoutAsync(Card("4242424242424242"), orderId);
        var second = Assert.ThrowsAsync<CheckoutApiException>(() => payments.RequestPaymentOrPayoutAsync(Card("5436031030606378"), orderId));

        Assert.Multiple(() =>
        {
            Assert.That((first.StatusCode, first.Created?.Approved), Is.EqualTo((201, (bool?)false)), "a decline is a 201, kept under its key");
            Assert.That(second!.StatusCode, Is.EqualTo(409));
            Assert.That(second.ErrorType, Is.EqualTo("request_conflict"));
        });
    }

    [Test]
    public async Task RequestPayment_DeclinedThenAnotherCardUnderANewKey_GetsAnAnswerOfItsOwn()
    {
        var (server, factory) = await StartAsync();
        await using var stop = server;
        using var _ = factory;
        var payments = factory.Create<IPaymentsClient>();

        var first = await payments.RequestPaymentOrPayoutAsync(Card("4242424242424242"), new CheckoutRequestOptions { IdempotencyKey = Guid.NewGuid().ToString("N") });
        var second = await payments.RequestPaymentOrPayoutAsync(Card("5436031030606378"), new CheckoutRequestOptions { IdempotencyKey = Guid.NewGuid().ToString("N") });

        Assert.Multiple(() =>
        {
            Assert.That(second.StatusCode, Is.EqualTo(201));
            Assert.That(second.Created?.Id, Is.Not.Null.And.Not.EqualTo(first.Created?.Id), "a new payment, not the first one replayed");
            Assert.That(second.CheckoutResponse.Headers.ContainsKey("Cko-Idempotent-Replay"), Is.False);
        });
    }
}
