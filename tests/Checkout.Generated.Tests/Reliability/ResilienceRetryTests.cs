using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Checkout.Generated.Tests.Auth;
using NUnit.Framework;
using static Checkout.Generated.Tests.Reliability.ResilienceFixture;

namespace Checkout.Generated.Tests.Reliability;

/// <summary>The built-in retries on the wire: which answers are retried, how often, and with which key and bytes.</summary>
[TestFixture]
[Category("Reliability")]
public sealed class ResilienceRetryTests
{
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    [TestCase((HttpStatusCode)429)]
    public async Task RequestAPayment_TransientStatusThenCreated_SendsOneGeneratedKeyAndTheSameBytesTwice(HttpStatusCode transient)
    {
        PaymentOperation();
        using var attempts = new ScriptedTransport(HttpMethod.Post, PaymentsUrl, () => Status(transient), Created);
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey().WithoutRetryWaits(), attempts);

        var payment = (await factory.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(PaymentBody)).Created!;

        var sent = attempts.Sent.ToArray();
        TestContext.Out.WriteLine($"attempts: {string.Join(", ", sent.Select(s => s.Key))}");
        Assert.Multiple(() =>
        {
            Assert.That(payment.Id, Is.EqualTo("pay_1"));
            Assert.That(sent, Has.Length.EqualTo(2));
            Assert.That(Guid.TryParse(sent[0].Key, out _), Is.True, "a generated key");
            Assert.That(sent[1].Key, Is.EqualTo(sent[0].Key), "the same key on the retry");
            Assert.That(sent[1].Body, Is.EqualTo(sent[0].Body).And.Contains("ord-1"), "the same bytes on the retry");
        });
    }

    [Test]
    public async Task RequestAPayment_TwoCalls_SendTwoDifferentKeys()
    {
        PaymentOperation();
        using var attempts = new ScriptedTransport(HttpMethod.Post, PaymentsUrl, Created);
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), attempts);
        var payments = factory.Create<IPaymentsClient>();

        await payments.RequestPaymentOrPayoutAsync(PaymentBody);
        await payments.RequestPaymentOrPayoutAsync(PaymentBody);

        Assert.That(attempts.Sent.Select(s => s.Key).Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task Send_CallerSetIdempotencyKey_KeepsItOnEveryAttempt()
    {
        var operation = PaymentOperation();
        using var attempts = new ScriptedTransport(HttpMethod.Post, PaymentsUrl, () => Status(HttpStatusCode.ServiceUnavailable), Created);
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey().WithoutRetryWaits(), attempts);
        using var request = AuthFixture.RequestFor(operation);
        request.Headers.Add(operation.IdempotencyKeyHeader!, "order-42-attempt");
        request.Content = new StringContent("{\"amount\":1}");

        using var response = await factory.HttpClient.SendAsync(request);

        Assert.That(attempts.Sent.Select(s => s.Key), Is.EqualTo(new[] { "order-42-attempt", "order-42-attempt" }));
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadRequest)]
    [TestCase(HttpStatusCode.Forbidden)]
    [TestCase(HttpStatusCode.Conflict)]
    [TestCase(HttpStatusCode.UnprocessableEntity)]
    public void RequestAPayment_NonTransientStatus_IsNotRetried(HttpStatusCode status)
    {
        PaymentOperation();
        using var attempts = new ScriptedTransport(HttpMethod.Post, PaymentsUrl, () => Status(status), Created);
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey().WithoutRetryWaits(), attempts);

        var error = Assert.CatchAsync<CheckoutApiException>(() => factory.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(PaymentBody))!;

        Assert.That((error.StatusCode, attempts.Sent.Count), Is.EqualTo(((int)status, 1)));
    }

    [Test]
    public async Task Send_PostWithoutIdempotencyKey_IsNotRetried()
    {
        var operation = CheckoutOperationCatalog.All.FirstOrDefault(o => o.Method == "POST" && o.IdempotencyKeyHeader is null && o.Host == "api"
                                                                          && o.Credentials.HasFlag(CheckoutCredentialKinds.SecretKey) && !o.PathTemplate.Contains('{'));
        if (operation is null) Assert.Ignore("this spec release has no POST without an idempotency key that a secret key can call");
        using var attempts = new ScriptedTransport(HttpMethod.Post, AuthFixture.SandboxApi.TrimEnd('/') + operation!.PathTemplate, () => Status(HttpStatusCode.ServiceUnavailable), Created);
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey().WithoutRetryWaits(), attempts);
        using var request = AuthFixture.RequestFor(operation);
        request.Content = new StringContent("{}");

        using var response = await factory.HttpClient.SendAsync(request);

        Assert.That((response.StatusCode, attempts.Sent.Count, attempts.Sent.Single().Key), Is.EqualTo((HttpStatusCode.ServiceUnavailable, 1, (string?)null)), operation.ToString());
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void GetPaymentDetails_AlwaysUnavailable_SendsOneAttemptMoreThanMaxRetryAttempts(int maxRetryAttempts)
    {
        using var attempts = new ScriptedTransport(HttpMethod.Get, PaymentUrl, () => Status(HttpStatusCode.ServiceUnavailable));
        var options = AuthFixture.SecretKey().WithoutRetryWaits();
        options.Resilience.MaxRetryAttempts = maxRetryAttempts;
        using var factory = new CheckoutClientFactory(options, attempts);

        var error = Assert.ThrowsAsync<CheckoutApiException>(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1"))!;

        Assert.That((error.StatusCode, attempts.Sent.Count), Is.EqualTo((503, 1 + maxRetryAttempts)));
    }

    [Test]
    public async Task GetPaymentDetails_ResetThen503ThenOk_RetriesAndSucceeds()
    {
        using var attempts = new ScriptedTransport(HttpMethod.Get, PaymentUrl,
            () => throw new HttpRequestException("Connection reset by peer", new IOException("reset")), () => Status(HttpStatusCode.ServiceUnavailable), Ok);
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey().WithoutRetryWaits(), attempts);

        var payment = await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That((payment.Id, attempts.Sent.Count), Is.EqualTo(("pay_1", 3)));
    }

    [Test]
    public void GetPaymentDetails_ResilienceDisabled_SendsOnce()
    {
        using var attempts = new ScriptedTransport(HttpMethod.Get, PaymentUrl, () => Status(HttpStatusCode.ServiceUnavailable), Ok);
        var options = AuthFixture.SecretKey();
        options.Resilience.Enabled = false;
        using var factory = new CheckoutClientFactory(options, attempts);

        var error = Assert.ThrowsAsync<CheckoutApiException>(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1"))!;

        Assert.That((error.StatusCode, attempts.Sent.Count), Is.EqualTo((503, 1)));
    }
}
