using Checkout.Generated.Models;
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Tests.Auth;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Reliability;

/// <summary>The built-in retries on the wire: what is repeated, with which key and bytes, and what the caller sees when it gives up.</summary>
[TestFixture]
[Category("Reliability")]
public sealed class ResilienceTests
{
    private static readonly string PaymentsUrl = AuthFixture.SandboxApi + "payments";
    private static readonly string PaymentUrl = PaymentsUrl + "/pay_1";
    private const string PaymentJson = "{\"id\":\"pay_1\",\"status\":\"Authorized\"}";
    private static PaymentRequest PaymentBody => new() { Amount = 1000, Currency = "GBP", Reference = "ord-1", Source = new PaymentRequestIdSource { Id = "src_1" } };

    private static CheckoutOperation PaymentOperation() =>
        CheckoutOperationCatalog.All.FirstOrDefault(o => o.Method == "POST" && o.PathTemplate == "/payments" && o.IdempotencyKeyHeader is not null)
        ?? throw new IgnoreException("this spec release has no POST /payments declaring an idempotency key");

    /// <summary>A transport for one URL that answers each attempt in turn (the last answer repeats) and records the key and bytes each sent.</summary>
    private sealed class Script(HttpMethod method, string url, params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        private int _turn = -1;

        public ConcurrentQueue<(string? Key, string Body)> Sent { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != method || request.RequestUri?.AbsoluteUri != url)
                throw new AssertionException($"Unexpected HTTP call: {request.Method} {request.RequestUri}");
            var key = request.Headers.TryGetValues("Cko-Idempotency-Key", out var values) ? values.Single() : null;
            Sent.Enqueue((key, request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
            return answers[Math.Min(Interlocked.Increment(ref _turn), answers.Length - 1)]();
        }
    }

    private static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = new StringContent("{\"error_type\":\"injected\"}") };

    private static HttpResponseMessage Created() => new(HttpStatusCode.Created) { Content = new StringContent(PaymentJson, System.Text.Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new StringContent(PaymentJson, System.Text.Encoding.UTF8, "application/json") };

    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    [TestCase((HttpStatusCode)429)]
    public async Task RequestAPayment_TransientStatusThenCreated_SendsOneGeneratedKeyAndTheSameBytesTwice(HttpStatusCode transient)
    {
        PaymentOperation();
        using var attempts = new Script(HttpMethod.Post, PaymentsUrl, () => Status(transient), Created);
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
        using var attempts = new Script(HttpMethod.Post, PaymentsUrl, Created);
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
        using var attempts = new Script(HttpMethod.Post, PaymentsUrl, () => Status(HttpStatusCode.ServiceUnavailable), Created);
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
        using var attempts = new Script(HttpMethod.Post, PaymentsUrl, () => Status(status), Created);
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
        using var attempts = new Script(HttpMethod.Post, AuthFixture.SandboxApi.TrimEnd('/') + operation!.PathTemplate, () => Status(HttpStatusCode.ServiceUnavailable), Created);
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
        using var attempts = new Script(HttpMethod.Get, PaymentUrl, () => Status(HttpStatusCode.ServiceUnavailable));
        var options = AuthFixture.SecretKey().WithoutRetryWaits();
        options.Resilience.MaxRetryAttempts = maxRetryAttempts;
        using var factory = new CheckoutClientFactory(options, attempts);

        var error = Assert.ThrowsAsync<CheckoutApiException>(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1"))!;

        Assert.That((error.StatusCode, attempts.Sent.Count), Is.EqualTo((503, 1 + maxRetryAttempts)));
    }

    [Test]
    public async Task GetPaymentDetails_ResetThen503ThenOk_RetriesAndSucceeds()
    {
        using var attempts = new Script(HttpMethod.Get, PaymentUrl,
            () => throw new HttpRequestException("Connection reset by peer", new IOException("reset")), () => Status(HttpStatusCode.ServiceUnavailable), Ok);
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey().WithoutRetryWaits(), attempts);

        var payment = await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That((payment.Id, attempts.Sent.Count), Is.EqualTo(("pay_1", 3)));
    }

    [Test]
    public void RequestAPayment_ResetEveryTime_ThrowsTransportExceptionWithKeyAndAttempts()
    {
        var operation = PaymentOperation();
        using var attempts = new Script(HttpMethod.Post, PaymentsUrl, () => throw new HttpRequestException("Error while copying content to a stream.", new IOException("reset")));
        var options = AuthFixture.SecretKey().WithoutRetryWaits();
        using var factory = new CheckoutClientFactory(options, attempts);

        var error = Assert.ThrowsAsync<CheckoutTransportException>(() => factory.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(PaymentBody))!;

        TestContext.Out.WriteLine(error.Message);
        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<CheckoutException>());
            Assert.That(error.OperationId, Is.EqualTo(operation.Id));
            Assert.That(error.Attempts, Is.EqualTo(1 + options.Resilience.MaxRetryAttempts).And.EqualTo(attempts.Sent.Count));
            Assert.That(error.IdempotencyKey, Is.EqualTo(attempts.Sent.First().Key).And.Not.Null);
            Assert.That(error.MayHaveReachedCheckout, Is.True);
            Assert.That(error.TimedOut, Is.False);
            Assert.That(error.Message, Does.Contain("the outcome is unknown: retry with the same idempotency key '" + error.IdempotencyKey + "'"));
            Assert.That(error.InnerException, Is.InstanceOf<HttpRequestException>());
        });
    }

    [Test]
    public void GetPaymentDetails_ConnectionRefused_ThrowsTransportExceptionSayingNothingReachedCheckout()
    {
        using var attempts = new Script(HttpMethod.Get, PaymentUrl, () => throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey().WithoutRetryWaits(), attempts);

        var error = Assert.ThrowsAsync<CheckoutTransportException>(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.MayHaveReachedCheckout, Is.False);
            Assert.That(error.IdempotencyKey, Is.Null);
            Assert.That(error.Message, Does.Contain("did not reach Checkout.com"));
        });
    }

    [Test]
    public void GetPaymentDetails_BodyCutShort_ThrowsTransportExceptionNotRawIOException()
    {
        using var attempts = new Script(HttpMethod.Get, PaymentUrl, () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new CutStream()) });
        var options = AuthFixture.SecretKey().WithoutRetryWaits();
        using var factory = new CheckoutClientFactory(options, attempts);

        var error = Assert.ThrowsAsync<CheckoutTransportException>(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1"))!;

        Assert.That((error.Attempts, error.MayHaveReachedCheckout), Is.EqualTo((1 + options.Resilience.MaxRetryAttempts, true)));
    }

    [Test]
    public void GetPaymentDetails_NoAnswerWithinAttemptTimeout_RetriesThenThrowsTimedOutTransportException()
    {
        using var silent = new NeverAnswers();
        var options = AuthFixture.SecretKey().WithoutRetryWaits();
        options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(20);
        using var factory = new CheckoutClientFactory(options, silent);

        var error = Assert.ThrowsAsync<CheckoutTransportException>(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1"))!;

        Assert.That((error.TimedOut, error.Attempts, silent.Calls), Is.EqualTo((true, 1 + options.Resilience.MaxRetryAttempts, 1 + options.Resilience.MaxRetryAttempts)));
    }

    [Test]
    public void GetPaymentDetails_CallerCancelsDuringTheCall_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        using var silent = new NeverAnswers(onRequest: cancel.Cancel);
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), silent);

        var error = Assert.CatchAsync(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1", cancellationToken: cancel.Token))!;

        Assert.That(error, Is.InstanceOf<OperationCanceledException>().And.Not.InstanceOf<CheckoutException>());
        Assert.That(silent.Calls, Is.EqualTo(1), "a cancelled call is not retried");
    }

    [Test]
    public void GetPaymentDetails_ResilienceDisabled_SendsOnce()
    {
        using var attempts = new Script(HttpMethod.Get, PaymentUrl, () => Status(HttpStatusCode.ServiceUnavailable), Ok);
        var options = AuthFixture.SecretKey();
        options.Resilience.Enabled = false;
        using var factory = new CheckoutClientFactory(options, attempts);

        var error = Assert.ThrowsAsync<CheckoutApiException>(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1"))!;

        Assert.That((error.StatusCode, attempts.Sent.Count), Is.EqualTo((503, 1)));
    }

    [Test]
    public void GetPaymentDetails_ResilienceDisabledAndHttpClientTimeoutElapses_ThrowsTimedOutTransportException()
    {
        using var silent = new NeverAnswers();
        var options = AuthFixture.SecretKey();
        options.Resilience.Enabled = false;
        using var factory = new CheckoutClientFactory(options, silent);
        factory.HttpClient.Timeout = TimeSpan.FromMilliseconds(50);

        var error = Assert.CatchAsync(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1"))!;

        Assert.That(error, Is.TypeOf<CheckoutTransportException>(), "not the caller's own cancellation");
        var transport = (CheckoutTransportException)error;
        Assert.That((transport.TimedOut, transport.Attempts, transport.MayHaveReachedCheckout, silent.Calls), Is.EqualTo((true, 1, true, 1)));
    }

    [Test]
    public void RequestAPayment_ResilienceDisabledAndHttpClientTimeoutElapses_SaysTheOutcomeIsUnknownWithTheKey()
    {
        var operation = PaymentOperation();
        using var silent = new NeverAnswers();
        var options = AuthFixture.SecretKey();
        options.Resilience.Enabled = false;
        using var factory = new CheckoutClientFactory(options, silent);
        factory.HttpClient.Timeout = TimeSpan.FromMilliseconds(50);

        var error = Assert.CatchAsync(() => factory.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(PaymentBody))!;

        Assert.That(error, Is.TypeOf<CheckoutTransportException>());
        var transport = (CheckoutTransportException)error;
        Assert.Multiple(() =>
        {
            Assert.That(transport.OperationId, Is.EqualTo(operation.Id));
            Assert.That(transport.TimedOut, Is.True);
            Assert.That(transport.MayHaveReachedCheckout, Is.True, "a POST cut off by the timeout may have created a payment");
            Assert.That(transport.IdempotencyKey, Is.Not.Null);
            Assert.That(transport.Message, Does.Contain(transport.IdempotencyKey!));
        });
    }

    [Test]
    public void GetPaymentDetails_ResilienceDisabledCallerCancels_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        using var silent = new NeverAnswers(onRequest: cancel.Cancel);
        var options = AuthFixture.SecretKey();
        options.Resilience.Enabled = false;
        using var factory = new CheckoutClientFactory(options, silent);

        var error = Assert.CatchAsync(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1", cancellationToken: cancel.Token))!;

        Assert.That(error, Is.InstanceOf<OperationCanceledException>().And.Not.InstanceOf<CheckoutException>());
    }

    /// <summary>A transport that never answers: each request waits until its token is cancelled.</summary>
    private sealed class NeverAnswers(Action? onRequest = null) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            onRequest?.Invoke();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new AssertionException("unreachable: the delay only ends by cancellation");
        }
    }

    /// <summary>A body that delivers a few bytes, then fails as a reset connection does.</summary>
    private sealed class CutStream : Stream
    {
        private bool _served;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_served) throw new IOException("The response ended prematurely.");
            _served = true;
            buffer[offset] = (byte)'{';
            return 1;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
