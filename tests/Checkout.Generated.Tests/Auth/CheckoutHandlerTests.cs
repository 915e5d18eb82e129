using Checkout.Generated.Models;
using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Auth;

[TestFixture]
[Category("Auth")]
public sealed class CheckoutHandlerTests
{
    private static readonly string PaymentUrl = AuthFixture.SandboxApi + "payments/pay_1";

    [Test]
    public async Task GetPaymentDetails_SecretKey_SendsSecretKeyInTheSpecsFormat()
    {
        using var mock = new StrictMockHttp();
        var api = mock.Expect(PaymentUrl).WithHeaders("Authorization", TestPlatform.KeyHeader(AuthFixture.SandboxSecretKey, CheckoutCredentialKinds.SecretKey)).Respond("application/json", "{\"id\":\"pay_1\"}");
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That(mock.GetMatchCount(api), Is.EqualTo(1));
    }

    [Test]
    public async Task GetPaymentDetails_OAuthAndSecretKey_PrefersOAuth()
    {
        using var mock = new StrictMockHttp();
        mock.Expect(HttpMethod.Post, AuthFixture.SandboxTokenUrl.AbsoluteUri).Respond("application/json", AuthFixture.TokenJson("token-1"));
        var api = mock.Expect(PaymentUrl).WithHeaders("Authorization", "Bearer token-1").Respond("application/json", "{\"id\":\"pay_1\"}");
        var options = AuthFixture.OAuth();
        options.SecretKey = AuthFixture.SandboxSecretKey;
        using var factory = new CheckoutClientFactory(options, mock);

        await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That(mock.GetMatchCount(api), Is.EqualTo(1));
        mock.VerifyNoOutstandingExpectation();
    }

    [Test]
    public async Task Send_PublicKeyOperation_SendsPublicKeyNotSecretKey()
    {
        var operation = CheckoutOperationCatalog.All.FirstOrDefault(o => o.Credentials == CheckoutCredentialKinds.PublicKey);
        Assume.That(operation, Is.Not.Null, "the spec has no public-key operation");
        using var mock = new StrictMockHttp();
        var api = mock.Expect(AuthFixture.ExpectedBase(operation!.Host, CheckoutEnvironment.Sandbox) + AuthFixture.RelativePath(operation))
            .WithHeaders("Authorization", TestPlatform.KeyHeader(AuthFixture.SandboxPublicKey, CheckoutCredentialKinds.PublicKey)).Respond(HttpStatusCode.Created);
        var options = AuthFixture.SecretKey();
        options.PublicKey = AuthFixture.SandboxPublicKey;
        using var factory = new CheckoutClientFactory(options, mock);

        using var response = await factory.HttpClient.SendAsync(AuthFixture.RequestFor(operation));

        Assert.That(mock.GetMatchCount(api), Is.EqualTo(1));
    }

    [Test]
    public void Send_PublicKeyOperationWithOnlySecretKey_FailsBeforeSendingNamingPublicKey()
    {
        var operation = CheckoutOperationCatalog.All.FirstOrDefault(o => o.Credentials == CheckoutCredentialKinds.PublicKey);
        Assume.That(operation, Is.Not.Null, "the spec has no public-key operation");
        using var mock = new StrictMockHttp();
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        var error = Assert.ThrowsAsync<CheckoutAuthorizationException>(() => factory.HttpClient.SendAsync(AuthFixture.RequestFor(operation!)))!;

        Assert.That(error.Message, Does.Contain(operation!.Id).And.Contain("public key (PublicKey)"));
        Assert.That(mock.Calls, Is.Zero);
    }

    [Test]
    public void Send_OAuthOnlyOperationWithOnlySecretKey_FailsBeforeSendingNamingWhatIsMissing()
    {
        var operation = CheckoutOperationCatalog.All.FirstOrDefault(o => o.Credentials == CheckoutCredentialKinds.OAuth);
        Assume.That(operation, Is.Not.Null, "the spec has no OAuth-only operation");
        using var mock = new StrictMockHttp();
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        var error = Assert.ThrowsAsync<CheckoutAuthorizationException>(() => factory.HttpClient.SendAsync(AuthFixture.RequestFor(operation!)))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain(operation!.Id).And.Contain("AccessKeyId and AccessKeySecret").And.Contain("configured: a secret key"));
            Assert.That(error.AcceptedCredentials, Is.EqualTo(CheckoutCredentialKinds.OAuth));
            Assert.That(error.Message, Does.Not.Contain(AuthFixture.SandboxSecretKey));
            Assert.That(mock.Calls, Is.Zero);
        });
    }

    [Test]
    public async Task Send_OperationWithoutCredentials_SendsNoAuthorization()
    {
        var operation = CheckoutOperationCatalog.All.FirstOrDefault(o => o.Credentials == CheckoutCredentialKinds.None);
        Assume.That(operation, Is.Not.Null, "the spec has no operation without credentials");
        using var mock = new StrictMockHttp();
        HttpRequestHeaders? sent = null;
        var api = mock.Expect(AuthFixture.ExpectedBase(operation!.Host, CheckoutEnvironment.Sandbox) + AuthFixture.RelativePath(operation))
            .With(request => (sent = request.Headers) is not null).Respond(HttpStatusCode.OK);
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        using var response = await factory.HttpClient.SendAsync(AuthFixture.RequestFor(operation));

        Assert.That(mock.GetMatchCount(api), Is.EqualTo(1));
        Assert.That(sent!.Authorization, Is.Null);
    }

    [Test]
    public async Task Send_SessionOperationWithCallerAuthorization_KeepsCallerHeader()
    {
        var operation = CheckoutOperationCatalog.All.FirstOrDefault(o => o.Credentials.HasFlag(CheckoutCredentialKinds.Other));
        Assume.That(operation, Is.Not.Null, "the spec has no operation taking another credential");
        using var mock = new StrictMockHttp();
        var api = mock.Expect(AuthFixture.ExpectedBase(operation!.Host, CheckoutEnvironment.Sandbox) + AuthFixture.RelativePath(operation))
            .WithHeaders("Authorization", "Bearer sess_secret_1").Respond(HttpStatusCode.OK);
        using var factory = new CheckoutClientFactory(AuthFixture.OAuth(), mock);
        var request = AuthFixture.RequestFor(operation);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sess_secret_1");

        using var response = await factory.HttpClient.SendAsync(request);

        Assert.That((mock.GetMatchCount(api), mock.Calls), Is.EqualTo((1, 1)), "no token request");
    }

    [Test]
    public void Send_SessionOperationWithoutAnyUsableCredential_FailsNamingSessionSecret()
    {
        var operation = CheckoutOperationCatalog.All.FirstOrDefault(o =>
            o.Credentials.HasFlag(CheckoutCredentialKinds.Other) && !o.Credentials.HasFlag(CheckoutCredentialKinds.SecretKey));
        Assume.That(operation, Is.Not.Null, "the spec has no session-secret operation");
        using var mock = new StrictMockHttp();
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        var error = Assert.ThrowsAsync<CheckoutAuthorizationException>(() => factory.HttpClient.SendAsync(AuthFixture.RequestFor(operation!)))!;

        Assert.That(error.Message, Does.Contain("session secret").And.Contain(operation!.Id));
        Assert.That(mock.Calls, Is.Zero);
    }

    [Test]
    public void RequestAPaymentOrPayout_ApiAnswers422_ThrowsApiExceptionWithCheckoutErrorDetails()
    {
        using var mock = new StrictMockHttp();
        var response = new HttpResponseMessage((HttpStatusCode)422)
        {
            Content = new StringContent("{\"request_id\":\"req_1\",\"error_type\":\"request_invalid\",\"error_codes\":[\"card_number_invalid\",\"cvv_invalid\"]}"),
        };
        response.Headers.Add("Cko-Request-Id", "0HL80RJLS76I7");
        mock.Expect(HttpMethod.Post, AuthFixture.SandboxApi + "payments").Respond(_ => response);
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        var error = Assert.ThrowsAsync<CheckoutApiException<ValidationError>>(() =>
            factory.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(body: new PaymentRequest { Amount = 100, Currency = "GBP" }))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(422));
            Assert.That(error.RequestId, Is.EqualTo("0HL80RJLS76I7"));
            Assert.That(error.ErrorType, Is.EqualTo("request_invalid"));
            Assert.That(error.ErrorCodes, Is.EqualTo(new[] { "card_number_invalid", "cvv_invalid" }));
        });
    }
}
