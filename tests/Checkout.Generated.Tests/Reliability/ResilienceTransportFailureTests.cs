using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using Checkout.Generated.Tests.Auth;
using NUnit.Framework;
using static Checkout.Generated.Tests.Reliability.ResilienceFixture;

namespace Checkout.Generated.Tests.Reliability;

/// <summary>When the retries give up on the transport (resets, refusals, cut bodies, timeouts, cancellation): what the caller sees.</summary>
[TestFixture]
[Category("Reliability")]
public sealed class ResilienceTransportFailureTests
{
    [Test]
    public void RequestAPayment_ResetEveryTime_ThrowsTransportExceptionWithKeyAndAttempts()
    {
        var operation = PaymentOperation();
        using var attempts = new ScriptedTransport(HttpMethod.Post, PaymentsUrl, () => throw new HttpRequestException("Error while copying content to a stream.", new IOException("reset")));
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
        using var attempts = new ScriptedTransport(HttpMethod.Get, PaymentUrl, () => throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
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
        using var attempts = new ScriptedTransport(HttpMethod.Get, PaymentUrl, () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new CutStream()) });
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
}
