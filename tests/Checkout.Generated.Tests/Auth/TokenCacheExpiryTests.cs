using Checkout.Generated.Models;
using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Checkout.Generated.Tests.Auth.TokenCacheFixture;

namespace Checkout.Generated.Tests.Auth;

/// <summary>How a token is requested, how long it is reused, and how a 401 replaces it.</summary>
[TestFixture]
[Category("Auth")]
public sealed class TokenCacheExpiryTests
{
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
}
