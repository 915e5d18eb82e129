using Checkout.Generated.Models;
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Checkout.Generated.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Testing;

/// <summary>The local server's webhooks, seen by a bare loopback receiver: signed, in order, retried a bounded number of times.</summary>
[Category("Webhooks")]
public class CheckoutMockServerWebhookTests
{
    private const string Key = "server-test-signing-key";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static void RequireEventTypes(params string[] types)
    {
        var missing = types.Where(t => CheckoutEventCatalog.DataTypeOf(t) is null).ToList();
        if (missing.Count > 0) Assert.Ignore($"The spec ({CheckoutOperationCatalog.Spec}) does not type the event(s) {string.Join(", ", missing)}.");
    }

    private static async Task<(CheckoutMockServer Server, ServiceProvider Provider, IPaymentsClient Payments)> StartAsync(Uri url, Action<CheckoutMockWebhookOptions>? configure = null)
    {
        var options = new CheckoutMockServerOptions { Webhooks = { Url = url, SignatureKey = Key, RetryDelay = TimeSpan.Zero } };
        configure?.Invoke(options.Webhooks);
        var server = await CheckoutMockServer.StartAsync(options);
        var services = new ServiceCollection();
        services.AddCheckoutClient(o => server.Configure(o));
        var provider = services.BuildServiceProvider();
        return (server, provider, provider.GetRequiredService<IPaymentsClient>());
    }

    private static PaymentRequest Payment() => new()
    {
        Source = new PaymentRequestCardSource { Number = "4242424242424242", ExpiryMonth = 12, ExpiryYear = DateTime.UtcNow.Year + 2, Cvv = "100" },
        Amount = 2500,
        Currency = "EUR",
        Reference = "webhook-test",
        Capture = false,
    };

    [Test]
    public async Task DeclinedAndPendingPayments_SendPaymentDeclinedAndPaymentPending()
    {
        RequireEventTypes("payment_declined", "payment_pending");
        await using var receiver = await LoopbackReceiver.StartAsync();
        var (server, provider, payments) = await StartAsync(receiver.Url);
        await using var _ = server;
        await using var __ = provider;
        var declinedRequest = Payment();
        declinedRequest.Amount = 2505; // the sandbox convention: an amount ending in 05 is declined 20005
        // 3DS asked for and not yet authenticated (no cryptogram): Checkout answers 202 Pending with a redirect link.
        var threeDs = CheckoutJson.ToObject<PaymentRequest>(new JObject
        {
            ["source"] = new JObject { ["type"] = "card", ["number"] = "4242424242424242", ["expiry_month"] = 12, ["expiry_year"] = DateTime.UtcNow.Year + 2 },
            ["amount"] = 2500, ["currency"] = "EUR", ["3ds"] = new JObject { ["enabled"] = true },
        })!;

        var declined = (await payments.RequestPaymentOrPayoutAsync(declinedRequest)).Created!;
        var pending = (await payments.RequestPaymentOrPayoutAsync(threeDs)).Accepted!;
        var declinedSent = await server.WaitForWebhooksAsync(declined.Id!, 1).WaitAsync(Patience);
        var pendingSent = await server.WaitForWebhooksAsync(pending.Id!, 1).WaitAsync(Patience);

        Assert.Multiple(() =>
        {
            Assert.That(declinedSent.Select(w => w.EventType), Is.EqualTo(new[] { "payment_declined" }));
            Assert.That(pendingSent.Select(w => w.EventType), Is.EqualTo(new[] { "payment_pending" }));
            Assert.That(declinedSent.Concat(pendingSent).All(w => w.Delivered), Is.True, string.Join("; ", declinedSent.Concat(pendingSent)));
        });
    }

    [Test]
    public async Task PaymentThenVoid_SendsApprovedThenVoided_SignedWithTheKey()
    {
        RequireEventTypes("payment_approved", "payment_voided");
        await using var receiver = await LoopbackReceiver.StartAsync();
        var (server, provider, payments) = await StartAsync(receiver.Url, o => o.Authorization = "Bearer shared-secret-value");
        await using var _ = server;
        await using var __ = provider;

        var payment = (await payments.RequestPaymentOrPayoutAsync(Payment(), new CheckoutRequestOptions { IdempotencyKey = Guid.NewGuid().ToString("N") })).Created!;
        await payments.VoidPaymentAsync(payment.Id!, new VoidRequest { Reference = "void-it" }, new CheckoutRequestOptions { IdempotencyKey = Guid.NewGuid().ToString("N") });
        var sent = await server.WaitForWebhooksAsync(payment.Id!, 2).WaitAsync(Patience);

        var received = receiver.Requests.ToList();
        Assert.That(sent.Select(w => w.EventType), Is.EqualTo(new[] { "payment_approved", "payment_voided" }));
        Assert.That(received.Select(r => (string?)JObject.Parse(r.Body)["type"]), Is.EqualTo(new[] { "payment_approved", "payment_voided" }));
        foreach (var request in received)
        {
            var verification = new CheckoutWebhookVerifier(new CheckoutWebhookOptions { SignatureKeys = [Key], Authorization = "Bearer shared-secret-value" })
                .Verify(WebhookSigning.Utf8(request.Body), request.Signature, request.Authorization);
            Assert.That(verification.IsValid, Is.True, verification.Reason);
            Assert.That(request.Signature, Is.EqualTo(WebhookSigning.Sign(Key, WebhookSigning.Utf8(request.Body))));
        }
        var voided = JObject.Parse(received[1].Body);
        Assert.Multiple(() =>
        {
            Assert.That((string?)voided["data"]!["id"], Is.EqualTo(payment.Id));
            Assert.That((string?)voided["data"]!["status"], Is.EqualTo("Voided"));
            Assert.That((long?)voided["data"]!["amount"], Is.EqualTo(2500));
            Assert.That((string?)voided["_links"]!["payment"]!["href"], Does.EndWith("/" + payment.Id));
            Assert.That(sent.All(w => w.Delivered && w.Attempts == 1 && w.StatusCode == 200), Is.True, string.Join("; ", sent));
        });
    }

    [Test]
    public async Task ReceiverAnswers500Twice_ServerRetriesAndDeliversOnTheThirdAttempt_ThenSendsTheNextInOrder()
    {
        RequireEventTypes("payment_approved", "payment_voided");
        await using var receiver = await LoopbackReceiver.StartAsync(500, 503);
        var (server, provider, payments) = await StartAsync(receiver.Url, o => o.MaxAttempts = 3);
        await using var _ = server;
        await using var __ = provider;

        var payment = (await payments.RequestPaymentOrPayoutAsync(Payment(), new CheckoutRequestOptions { IdempotencyKey = Guid.NewGuid().ToString("N") })).Created!;
        await payments.VoidPaymentAsync(payment.Id!, new VoidRequest(), new CheckoutRequestOptions { IdempotencyKey = Guid.NewGuid().ToString("N") });
        var sent = await server.WaitForWebhooksAsync(payment.Id!, 2).WaitAsync(Patience);

        Assert.That(sent[0].Attempts, Is.EqualTo(3));
        Assert.That(sent[0].Delivered, Is.True);
        Assert.That(receiver.Requests.Select(r => ((string?)JObject.Parse(r.Body)["type"], r.Answer)),
            Is.EqualTo(new (string?, int)[] { ("payment_approved", 500), ("payment_approved", 503), ("payment_approved", 200), ("payment_voided", 200) }));
    }

    [Test]
    public async Task ReceiverAlwaysFails_ServerGivesUpAfterMaxAttempts()
    {
        RequireEventTypes("payment_approved");
        await using var receiver = await LoopbackReceiver.StartAsync(500, 500, 500, 500, 500);
        var (server, provider, payments) = await StartAsync(receiver.Url, o => o.MaxAttempts = 2);
        await using var _ = server;
        await using var __ = provider;

        var payment = (await payments.RequestPaymentOrPayoutAsync(Payment(), new CheckoutRequestOptions { IdempotencyKey = Guid.NewGuid().ToString("N") })).Created!;
        var sent = await server.WaitForWebhooksAsync(payment.Id!, 1).WaitAsync(Patience);

        Assert.That(sent[0].Delivered, Is.False);
        Assert.That(sent[0].Attempts, Is.EqualTo(2));
        Assert.That(sent[0].StatusCode, Is.EqualTo(500));
        Assert.That(receiver.Requests, Has.Count.EqualTo(2));
    }

    [TestCase("http://192.0.2.10/hook")]
    [TestCase("https://example.com/hook")]
    [TestCase("ftp://127.0.0.1/hook")]
    public void StartAsync_NonLoopbackOrNonHttpWebhookUrl_ThrowsBeforeListening(string url)
    {
        var e = Assert.ThrowsAsync<ArgumentException>(() => CheckoutMockServer.StartAsync(new CheckoutMockServerOptions { Webhooks = { Url = new Uri(url) } }));

        Assert.That(e!.Message, Does.Contain("CheckoutMockWebhookOptions.Url"));
    }

    [Test]
    public async Task WaitForWebhooksAsync_NoWebhookUrl_ThrowsSayingWhatToSet()
    {
        await using var server = await CheckoutMockServer.StartAsync();

        var e = Assert.Throws<InvalidOperationException>(() => server.WaitForWebhooksAsync("pay_x", 1));

        Assert.That(e!.Message, Does.Contain("Webhooks.Url"));
    }

    [Test]
    public async Task WaitForWebhooksAsync_ServerStops_IsCancelled()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions { Webhooks = { Url = receiver.Url } });

        var waiting = server.WaitForWebhooksAsync("pay_never", 1);
        await server.DisposeAsync();

        Assert.That(async () => await waiting, Throws.InstanceOf<OperationCanceledException>());
    }
}
