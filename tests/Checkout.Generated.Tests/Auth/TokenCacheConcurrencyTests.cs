using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Checkout.Generated.Tests.Auth.TokenCacheFixture;

namespace Checkout.Generated.Tests.Auth;

/// <summary>Many callers, one token: a single token request in flight, callers that cancel, and cache hits that allocate nothing.</summary>
[TestFixture]
[Category("Auth")]
public sealed class TokenCacheConcurrencyTests
{
    /// <summary>A token endpoint that answers <c>token-1</c> only once <paramref name="release"/> completes, so callers pile up behind it.</summary>
    private static MockedRequest TokenEndpointHeldUntil(StrictMockHttp mock, Task release)
    {
        var token = mock.When(HttpMethod.Post, TokenUrl);
        token.Respond(async () =>
        {
            await release;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(AuthFixture.TokenJson("token-1")) };
        });
        return token;
    }

    [Test]
    public async Task GetPaymentDetails_200ConcurrentCalls_RequestsExactlyOneToken()
    {
        using var mock = new StrictMockHttp();
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = TokenEndpointHeldUntil(mock, release.Task);
        var api = mock.When(PaymentUrl).WithHeaders("Authorization", "Bearer token-1").Respond("application/json", PaymentJson);
        using var factory = new CheckoutClientFactory(AuthFixture.OAuth(), mock);
        var payments = factory.Create<IPaymentsClient>();

        var calls = Enumerable.Range(0, 200).Select(_ => payments.GetPaymentDetailsAsync("pay_1")).ToArray();
        release.SetResult(true);
        await Task.WhenAll(calls);

        Assert.That((mock.GetMatchCount(token), mock.GetMatchCount(api)), Is.EqualTo((1, 200)));
    }

    [Test]
    public async Task GetPaymentDetails_OneCallerCancelsWhileTokenPending_OtherCallerStillGetsTheToken()
    {
        using var mock = new StrictMockHttp();
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = TokenEndpointHeldUntil(mock, release.Task);
        var api = mock.When(PaymentUrl).WithHeaders("Authorization", "Bearer token-1").Respond("application/json", PaymentJson);
        using var factory = new CheckoutClientFactory(AuthFixture.OAuth(), mock);
        var payments = factory.Create<IPaymentsClient>();
        using var cancel = new CancellationTokenSource();

        var cancelled = payments.GetPaymentDetailsAsync("pay_1", cancellationToken: cancel.Token);
        var patient = payments.GetPaymentDetailsAsync("pay_1");
        cancel.Cancel();
        Assert.CatchAsync<OperationCanceledException>(() => cancelled);
        release.SetResult(true);
        var payment = await patient;

        Assert.Multiple(() =>
        {
            Assert.That(payment.Id, Is.EqualTo("pay_1"));
            Assert.That((mock.GetMatchCount(token), mock.GetMatchCount(api)), Is.EqualTo((1, 1)), "the shared token request survived the cancellation");
        });
    }

    [Test]
    public void GetPaymentDetails_CallAlreadyCancelled_SendsNothing()
    {
        using var mock = new StrictMockHttp();
        using var factory = new CheckoutClientFactory(AuthFixture.OAuth(), mock);

        Assert.That(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1", cancellationToken: new CancellationToken(canceled: true)), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(mock.Calls, Is.Zero);
    }

    [Test]
    public void GetAsync_AlreadyCancelled_RequestsNoToken()
    {
        using var mock = new StrictMockHttp();
        using var http = new HttpClient(mock, disposeHandler: false);
        var cache = Cache(AuthFixture.OAuth(), http);

        Assert.That(() => cache.GetAsync("gateway", new CancellationToken(canceled: true)), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(mock.Calls, Is.Zero);
    }

    [Test]
    public async Task GetAsync_CachedToken_AllocatesNothing()
    {
        using var mock = new StrictMockHttp();
        var token = mock.Expect(HttpMethod.Post, TokenUrl).Respond("application/json", AuthFixture.TokenJson("token-1"));
        using var http = new HttpClient(mock);
        var cache = Cache(AuthFixture.OAuth(), http);
        var issued = await cache.GetAsync("gateway:payment", CancellationToken.None);
        cache.GetAsync("gateway:payment", CancellationToken.None).GetAwaiter().GetResult();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var hits = 0;
        for (var i = 0; i < 1000; i++)
        {
            var hit = cache.GetAsync("gateway:payment", CancellationToken.None);
            if (hit.IsCompleted && ReferenceEquals(hit.Result, issued)) hits++;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Multiple(() =>
        {
            Assert.That(hits, Is.EqualTo(1000), "every call is a completed hit on the issued token");
            Assert.That(allocated, Is.EqualTo(0), "bytes allocated by 1,000 cache hits");
            Assert.That(mock.GetMatchCount(token), Is.EqualTo(1));
        });
    }
}
