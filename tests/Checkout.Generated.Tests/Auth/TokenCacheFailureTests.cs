using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Checkout.Generated.Tests.Auth.TokenCacheFixture;

namespace Checkout.Generated.Tests.Auth;

/// <summary>A token endpoint that refuses, fails, times out or cannot be reached: which errors are retried, and what the exception says (never the secret).</summary>
[TestFixture]
[Category("Auth")]
public sealed class TokenCacheFailureTests
{
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
        using var http = new HttpClient(mock, disposeHandler: false) { Timeout = TimeSpan.FromMilliseconds(50) };
        var cache = Cache(options, http);

        var thrown = await TokenFailureOf(cache.GetAsync("gateway", CancellationToken.None));

        AssertTokenFailure(thrown, "timeout", mock);
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
