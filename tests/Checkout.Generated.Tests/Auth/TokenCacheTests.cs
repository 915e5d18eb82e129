using Checkout.Generated.Models;
using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Checkout.Generated.Tests.Auth;

[TestFixture]
[Category("Auth")]
public sealed class TokenCacheTests
{
    private static readonly string PaymentUrl = AuthFixture.SandboxApi + "payments/pay_1";
    private const string PaymentJson = "{\"id\":\"pay_1\"}";
    private static readonly string TokenUrl = AuthFixture.SandboxTokenUrl.AbsoluteUri;

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
    public async Task GetPaymentDetails_TokenNearExpiry_RequestsExactlyOneNewTokenAfterMargin()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var mock = new StrictMockHttp();
        var first = mock.Expect(HttpMethod.Post, TokenUrl).Respond("application/json", AuthFixture.TokenJson("token-1", expiresIn: 3600));
        var second = mock.Expect(HttpMethod.Post, TokenUrl).Respond("application/json", AuthFixture.TokenJson("token-2", expiresIn: 3600));
        var withFirst = mock.When(PaymentUrl).WithHeaders("Authorization", "Bearer token-1").Respond("application/json", PaymentJson);
        var withSecond = mock.When(PaymentUrl).WithHeaders("Authorization", "Bearer token-2").Respond("application/json", PaymentJson);
        var options = AuthFixture.OAuth();
        options.TimeProvider = time;
        options.TokenRefreshMargin = TimeSpan.FromSeconds(60);
        using var factory = new CheckoutClientFactory(options, mock);
        var payments = factory.Create<IPaymentsClient>();

        await payments.GetPaymentDetailsAsync("pay_1");
        time.Advance(TimeSpan.FromSeconds(3539));
        await payments.GetPaymentDetailsAsync("pay_1");
        var beforeMargin = (mock.GetMatchCount(first), mock.GetMatchCount(second));
        time.Advance(TimeSpan.FromSeconds(2));
        await payments.GetPaymentDetailsAsync("pay_1");
        await payments.GetPaymentDetailsAsync("pay_1");

        Assert.Multiple(() =>
        {
            Assert.That(beforeMargin, Is.EqualTo((1, 0)), "the first token is reused until expiry minus the margin");
            Assert.That(mock.GetMatchCount(second), Is.EqualTo(1), "one new token after the margin");
            Assert.That((mock.GetMatchCount(withFirst), mock.GetMatchCount(withSecond)), Is.EqualTo((2, 2)));
        });
    }

    [Test]
    public async Task GetPaymentDetails_TokenWithoutExpiresIn_ReusesTokenUntilApiRejectsIt()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var mock = new StrictMockHttp();
        var first = mock.Expect(HttpMethod.Post, TokenUrl).Respond("application/json", "{\"access_token\":\"token-1\",\"token_type\":\"Bearer\"}");
        var withFirst = mock.Expect(PaymentUrl).WithHeaders("Authorization", "Bearer token-1").Respond("application/json", PaymentJson);
        mock.Expect(PaymentUrl).WithHeaders("Authorization", "Bearer token-1").Respond("application/json", PaymentJson);
        mock.Expect(PaymentUrl).WithHeaders("Authorization", "Bearer token-1").Respond(HttpStatusCode.Unauthorized);
        var second = mock.Expect(HttpMethod.Post, TokenUrl).Respond("application/json", AuthFixture.TokenJson("token-2"));
        var withSecond = mock.Expect(PaymentUrl).WithHeaders("Authorization", "Bearer token-2").Respond("application/json", PaymentJson);
        var options = AuthFixture.OAuth();
        options.TimeProvider = time;
        using var factory = new CheckoutClientFactory(options, mock);
        var payments = factory.Create<IPaymentsClient>();

        await payments.GetPaymentDetailsAsync("pay_1");
        time.Advance(TimeSpan.FromDays(1));
        await payments.GetPaymentDetailsAsync("pay_1");
        var beforeRejection = mock.GetMatchCount(first);
        await payments.GetPaymentDetailsAsync("pay_1");

        Assert.Multiple(() =>
        {
            Assert.That(beforeRejection, Is.EqualTo(1), "a token without expires_in is not requested again for every call");
            Assert.That((mock.GetMatchCount(second), mock.GetMatchCount(withSecond)), Is.EqualTo((1, 1)), "the 401 replaced it");
            Assert.That(mock.GetMatchCount(withFirst), Is.EqualTo(1));
        });
        mock.VerifyNoOutstandingExpectation();
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
    public async Task GetPaymentDetails_ApiAnswers401Once_RefreshesTokenAndRetriesOnce()
    {
        using var mock = new StrictMockHttp();
        var firstToken = mock.Expect(HttpMethod.Post, TokenUrl).Respond("application/json", AuthFixture.TokenJson("token-1"));
        var rejected = mock.Expect(PaymentUrl).WithHeaders("Authorization", "Bearer token-1").Respond(HttpStatusCode.Unauthorized);
        var secondToken = mock.Expect(HttpMethod.Post, TokenUrl).Respond("application/json", AuthFixture.TokenJson("token-2"));
        var accepted = mock.Expect(PaymentUrl).WithHeaders("Authorization", "Bearer token-2").Respond("application/json", PaymentJson);
        using var factory = new CheckoutClientFactory(AuthFixture.OAuth(), mock);

        var payment = await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.Multiple(() =>
        {
            Assert.That(payment.Id, Is.EqualTo("pay_1"));
            Assert.That((mock.GetMatchCount(firstToken), mock.GetMatchCount(secondToken)), Is.EqualTo((1, 1)));
            Assert.That((mock.GetMatchCount(rejected), mock.GetMatchCount(accepted)), Is.EqualTo((1, 1)));
        });
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task RequestAPaymentOrPayout_ApiAnswers401Once_ResendsTheSameBody()
    {
        using var mock = new StrictMockHttp();
        mock.Expect(HttpMethod.Post, TokenUrl).Respond("application/json", AuthFixture.TokenJson("token-1"));
        mock.Expect(HttpMethod.Post, AuthFixture.SandboxApi + "payments").WithHeaders("Authorization", "Bearer token-1")
            .WithPartialContent("\"reference\":\"ORD-1\"").Respond(HttpStatusCode.Unauthorized);
        mock.Expect(HttpMethod.Post, TokenUrl).Respond("application/json", AuthFixture.TokenJson("token-2"));
        var retried = mock.Expect(HttpMethod.Post, AuthFixture.SandboxApi + "payments").WithHeaders("Authorization", "Bearer token-2")
            .WithPartialContent("\"reference\":\"ORD-1\"").Respond(HttpStatusCode.Created, "application/json", PaymentJson);
        using var factory = new CheckoutClientFactory(AuthFixture.OAuth(), mock);

        await factory.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(body: new PaymentRequest { Amount = 100, Currency = "GBP", Reference = "ORD-1" });

        Assert.That(mock.GetMatchCount(retried), Is.EqualTo(1));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void GetPaymentDetails_ApiAnswers401Twice_ThrowsApiExceptionAfterOneRetry()
    {
        using var mock = new StrictMockHttp();
        var token = mock.When(HttpMethod.Post, TokenUrl).Respond("application/json", AuthFixture.TokenJson("token-n"));
        var api = mock.When(PaymentUrl).Respond(HttpStatusCode.Unauthorized);
        using var factory = new CheckoutClientFactory(AuthFixture.OAuth(), mock);

        var error = Assert.ThrowsAsync<CheckoutApiException>(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(401));
            Assert.That((mock.GetMatchCount(token), mock.GetMatchCount(api)), Is.EqualTo((2, 2)));
        });
    }

    [TestCase(HttpStatusCode.BadRequest, "{\"error\":\"invalid_client\"}", "invalid_client", TestName = "GetPaymentDetails_Token400InvalidClient_ThrowsInvalidClient")]
    [TestCase(HttpStatusCode.Unauthorized, "{\"error\":\"invalid_client\"}", "invalid_client", TestName = "GetPaymentDetails_Token401InvalidClient_ThrowsInvalidClient")]
    [TestCase(HttpStatusCode.BadRequest, "{\"error\":\"invalid_scope\",\"error_description\":\"scope not granted\"}", "invalid_scope", TestName = "GetPaymentDetails_Token400InvalidScope_ThrowsInvalidScope")]
    [TestCase(HttpStatusCode.Unauthorized, "{\"error\":\"invalid_scope\"}", "invalid_scope", TestName = "GetPaymentDetails_Token401InvalidScope_ThrowsInvalidScope")]
    [TestCase(HttpStatusCode.Unauthorized, "<html>Unauthorized</html>", "http_error", TestName = "GetPaymentDetails_Token401WithoutOAuthError_ThrowsHttpError")]
    [TestCase(HttpStatusCode.InternalServerError, "upstream failure", "http_error", TestName = "GetPaymentDetails_Token500_ThrowsHttpErrorWithoutRetry")]
    [TestCase(HttpStatusCode.OK, "<html><body>Sign in</body></html>", "invalid_response", TestName = "GetPaymentDetails_Token200Html_ThrowsInvalidResponse")]
    [TestCase(HttpStatusCode.OK, "{\"access_token\":\"tok", "invalid_response", TestName = "GetPaymentDetails_Token200Truncated_ThrowsInvalidResponse")]
    [TestCase(HttpStatusCode.OK, "{\"token_type\":\"Bearer\"}", "invalid_response", TestName = "GetPaymentDetails_Token200WithoutAccessToken_ThrowsInvalidResponse")]
    public void GetPaymentDetails_TokenEndpointRefuses_ThrowsTokenExceptionWithoutSecret(HttpStatusCode status, string body, string error)
    {
        using var mock = new StrictMockHttp();
        mock.Expect(HttpMethod.Post, TokenUrl).Respond(status, "application/json", body);
        using var factory = new CheckoutClientFactory(AuthFixture.OAuth(), mock);

        var thrown = Assert.ThrowsAsync<CheckoutTokenException>(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1"))!;

        AssertTokenFailure(thrown, error, mock);
        Assert.That(thrown.StatusCode, Is.EqualTo((int)status));
    }

    [Test]
    public void GetPaymentDetails_Token503EveryTime_RetriesThenThrowsHttpError()
    {
        using var mock = new StrictMockHttp();
        var token = mock.When(HttpMethod.Post, TokenUrl).Respond(HttpStatusCode.ServiceUnavailable);
        var options = AuthFixture.OAuth().WithoutRetryWaits();
        using var factory = new CheckoutClientFactory(options, mock);

        var thrown = Assert.ThrowsAsync<CheckoutTokenException>(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1"))!;

        AssertTokenFailure(thrown, "http_error", mock, calls: 1 + options.Resilience.MaxRetryAttempts);
        Assert.That(mock.GetMatchCount(token), Is.EqualTo(1 + options.Resilience.MaxRetryAttempts));
    }

    [Test]
    public async Task GetPaymentDetails_Token503ThenToken_Succeeds()
    {
        using var mock = new StrictMockHttp();
        var failure = mock.Expect(HttpMethod.Post, TokenUrl).Respond(HttpStatusCode.ServiceUnavailable);
        var token = mock.Expect(HttpMethod.Post, TokenUrl).Respond("application/json", AuthFixture.TokenJson("token-1"));
        mock.Expect(PaymentUrl).WithHeaders("Authorization", "Bearer token-1").Respond("application/json", PaymentJson);
        using var factory = new CheckoutClientFactory(AuthFixture.OAuth().WithoutRetryWaits(), mock);

        var payment = await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That(payment.Id, Is.EqualTo("pay_1"));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public void GetPaymentDetails_TokenEndpointTimesOut_ThrowsTokenExceptionWithoutSecret()
    {
        using var mock = new StrictMockHttp();
        mock.When(HttpMethod.Post, TokenUrl).Throw(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException()));
        var options = AuthFixture.OAuth().WithoutRetryWaits();
        options.Resilience.MaxRetryAttempts = 0;
        using var factory = new CheckoutClientFactory(options, mock);

        var thrown = Assert.ThrowsAsync<CheckoutTokenException>(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1"))!;

        AssertTokenFailure(thrown, "timeout", mock);
    }

    [Test]
    public async Task GetAsync_HttpClientTimeoutFires_ThrowsTimeout()
    {
        using var mock = new StrictMockHttp();
        mock.When(HttpMethod.Post, TokenUrl).Respond(async () =>
        {
            await Task.Delay(Timeout.Infinite, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var options = AuthFixture.OAuth();
        options.Resilience.Enabled = false;
        var settings = new Checkout.Generated.Internal.CheckoutSettings(options, TimeProvider.System);
        using var http = new HttpClient(mock, disposeHandler: false) { Timeout = TimeSpan.FromMilliseconds(50) };
        var cache = new Checkout.Generated.Internal.TokenCache(settings, () => http, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var thrown = await TokenFailureOf(cache.GetAsync("gateway", CancellationToken.None));

        AssertTokenFailure(thrown, "timeout", mock);
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
        var settings = new Checkout.Generated.Internal.CheckoutSettings(AuthFixture.OAuth(), TimeProvider.System);
        using var http = new HttpClient(mock, disposeHandler: false);
        var cache = new Checkout.Generated.Internal.TokenCache(settings, () => http, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        Assert.That(() => cache.GetAsync("gateway", new CancellationToken(canceled: true)), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(mock.Calls, Is.Zero);
    }

    [Test]
    public void GetPaymentDetails_TokenEndpointUnreachable_RetriesThenThrowsNetworkError()
    {
        using var mock = new StrictMockHttp();
        mock.When(HttpMethod.Post, TokenUrl).Throw(new HttpRequestException("Connection refused"));
        var options = AuthFixture.OAuth().WithoutRetryWaits();
        using var factory = new CheckoutClientFactory(options, mock);

        var thrown = Assert.ThrowsAsync<CheckoutTokenException>(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1"))!;

        AssertTokenFailure(thrown, "network_error", mock, calls: 1 + options.Resilience.MaxRetryAttempts);
    }

    private static async Task<CheckoutTokenException> TokenFailureOf(Task task)
    {
        try
        {
            await task;
        }
        catch (CheckoutTokenException e)
        {
            return e;
        }

        throw new AssertionException("expected a CheckoutTokenException");
    }

    [Test]
    public async Task GetPaymentDetails_TokenRequest_UsesBasicAuthAndClientCredentialsForm()
    {
        using var mock = new StrictMockHttp();
        var token = mock.Expect(HttpMethod.Post, TokenUrl)
            .WithHeaders("Authorization", "Basic " + AuthFixture.BasicCredential)
            .WithFormData("grant_type", "client_credentials")
            .WithFormData("scope", "gateway:payment-details")
            .Respond("application/json", AuthFixture.TokenJson("token-1"));
        mock.Expect(PaymentUrl).WithHeaders("Authorization", "Bearer token-1").Respond("application/json", PaymentJson);
        Assume.That(CheckoutOperationCatalog.Find("getPaymentDetails")?.Scopes, Does.Contain("gateway:payment-details"));
        using var factory = new CheckoutClientFactory(AuthFixture.OAuth("gateway", "gateway:payment-details"), mock);

        await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That(mock.GetMatchCount(token), Is.EqualTo(1));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task GetAsync_CachedToken_AllocatesNothing()
    {
        using var mock = new StrictMockHttp();
        var token = mock.Expect(HttpMethod.Post, TokenUrl).Respond("application/json", AuthFixture.TokenJson("token-1"));
        using var http = new HttpClient(mock);
        var cache = new Checkout.Generated.Internal.TokenCache(
            new Checkout.Generated.Internal.CheckoutSettings(AuthFixture.OAuth(), TimeProvider.System), () => http, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
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

    private static void AssertTokenFailure(CheckoutTokenException thrown, string error, StrictMockHttp mock, int calls = 1)
    {
        Assert.Multiple(() =>
        {
            Assert.That(thrown.Error, Is.EqualTo(error));
            Assert.That(thrown.TokenEndpoint, Is.EqualTo(AuthFixture.SandboxTokenUrl));
            Assert.That(thrown.Message, Does.Contain(error).And.Contain(TokenUrl));
            Assert.That(thrown.ToString(), Does.Not.Contain(AuthFixture.AccessKeySecret).And.Not.Contain(AuthFixture.BasicCredential));
            Assert.That(thrown, Is.InstanceOf<CheckoutException>());
            Assert.That(mock.Calls, Is.EqualTo(calls), "only the token request was sent");
        });
    }
}
