using Checkout.Generated.Models;
using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Tests.Auth;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Reliability;

/// <summary>The total timeout as a deadline on a fake clock: it cuts the attempt running when it ends and refuses retries that would outlast it.</summary>
[TestFixture]
[Category("Reliability")]
public sealed class TotalTimeoutTests
{
    private static readonly string PaymentUrl = AuthFixture.SandboxApi + "payments/pay_1";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private CheckoutOptions Options(TimeSpan attempt, TimeSpan total, TimeSpan maxDelay)
    {
        var options = AuthFixture.SecretKey();
        options.TimeProvider = _time;
        options.Resilience.AttemptTimeout = attempt;
        options.Resilience.TotalTimeout = total;
        options.Resilience.BaseDelay = TimeSpan.Zero;
        options.Resilience.MaxDelay = maxDelay;
        return options;
    }

    /// <summary>A transport for GET /payments/pay_1 that answers each attempt in turn (null: never answers) and records when each was sent.</summary>
    private sealed class Attempts(TimeProvider time, params Func<HttpResponseMessage>?[] answers) : HttpMessageHandler
    {
        private readonly SemaphoreSlim _started = new(0);
        private int _turn = -1;

        public ConcurrentQueue<DateTimeOffset> SentAt { get; } = new();

        public Task<bool> StartedAsync() => _started.WaitAsync(Bound);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Get || request.RequestUri?.AbsoluteUri != PaymentUrl)
                throw new AssertionException($"Unexpected HTTP call: {request.Method} {request.RequestUri}");
            var turn = Interlocked.Increment(ref _turn);
            if (turn >= answers.Length) throw new AssertionException($"Unexpected attempt {turn + 1}: only {answers.Length} scripted");
            SentAt.Enqueue(time.GetUtcNow());
            _started.Release();
            if (answers[turn] is { } answer) return answer();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new AssertionException("unreachable: the delay only ends by cancellation");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _started.Dispose();
            base.Dispose(disposing);
        }
    }

    private static HttpResponseMessage Ok() =>
        new(HttpStatusCode.OK) { Content = new StringContent("{\"id\":\"pay_1\",\"status\":\"Authorized\"}", System.Text.Encoding.UTF8, "application/json") };

    private static Func<HttpResponseMessage> Unavailable(TimeSpan retryAfter) => () =>
    {
        var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("{\"error_type\":\"injected\"}") };
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(retryAfter);
        return response;
    };

    private static async Task<T> Within<T>(Task<T> call)
    {
        if (await Task.WhenAny(call, Task.Delay(Bound)) != call) throw new AssertionException($"the call did not end within {Bound}");
        return await call;
    }

    [Test]
    public async Task GetPaymentDetails_AttemptStillRunningWhenTotalEnds_IsCutAtTheTimeLeft()
    {
        using var attempts = new Attempts(_time, null, null);
        using var factory = new CheckoutClientFactory(Options(attempt: TimeSpan.FromSeconds(30), total: TimeSpan.FromSeconds(40), maxDelay: TimeSpan.Zero), attempts);
        var call = factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That(await attempts.StartedAsync(), Is.True, "first attempt");
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.That(await attempts.StartedAsync(), Is.True, "second attempt, after the first timed out");
        _time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        Assert.That(call.IsCompleted, Is.False, "the second attempt still has 1 ms of the total");
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var error = Assert.ThrowsAsync<CheckoutTransportException>(() => Within(call))!;

        Assert.That((error.TimedOut, error.Attempts, attempts.SentAt.Count), Is.EqualTo((true, 2, 2)), "cut at 40 s, no third attempt with no time left");
    }

    [Test]
    public void GetPaymentDetails_RetryAfterLongerThanTimeLeft_IsNotRetriedAndThrowsTheAnswer()
    {
        using var attempts = new Attempts(_time, Unavailable(TimeSpan.FromSeconds(50)));
        using var factory = new CheckoutClientFactory(Options(attempt: TimeSpan.FromSeconds(30), total: TimeSpan.FromSeconds(40), maxDelay: TimeSpan.FromMinutes(1)), attempts);

        var error = Assert.ThrowsAsync<CheckoutApiException>(() => Within(factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1")))!;

        Assert.That((error.StatusCode, attempts.SentAt.Count), Is.EqualTo((503, 1)), "a 50 s wait does not fit in a 40 s total");
    }

    [Test]
    public async Task GetPaymentDetails_RetryAfterWithinTimeLeft_WaitsThenRetries()
    {
        using var attempts = new Attempts(_time, Unavailable(TimeSpan.FromSeconds(5)), Ok);
        using var factory = new CheckoutClientFactory(Options(attempt: TimeSpan.FromSeconds(30), total: TimeSpan.FromSeconds(40), maxDelay: TimeSpan.FromMinutes(1)), attempts);
        var call = factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That(await attempts.StartedAsync(), Is.True, "first attempt");
        for (var second = 0; second < 40 && !call.IsCompleted && attempts.SentAt.Count < 2; second++)
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var payment = await Within(call);
        var sent = attempts.SentAt.ToArray();

        Assert.That((payment.Id, sent.Length), Is.EqualTo(("pay_1", 2)));
        Assert.That(sent[1] - sent[0], Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(5)).And.LessThan(TimeSpan.FromSeconds(40)), "the retry waited as Retry-After asked");
    }
}
