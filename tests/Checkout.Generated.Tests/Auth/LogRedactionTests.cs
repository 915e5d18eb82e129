using Checkout.Generated.Models;
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using RichardSzalay.MockHttp;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Auth;

[TestFixture]
[Category("Auth")]
public sealed class LogRedactionTests
{
    private const string AccessToken = "eyJhbGciOiJSUzI1NiJ9.cGF5bWVudC10b2tlbg.c2lnbmF0dXJlLXZhbHVl";
    private const string CardNumber = "4543474002249996";
    private const string Cvv = "7391";

    [Test]
    public async Task OAuthPaymentFlow_TraceLoggingThroughDependencyInjection_LeaksNoSecretTokenCardOrCvv()
    {
        TestPlatform.RequireOAuth();
        var logs = new CapturingLoggerProvider();
        using var mock = new StrictMockHttp();
        var paymentToken = mock.Expect(HttpMethod.Post, AuthFixture.SandboxTokenUrl.AbsoluteUri).WithFormData("scope", "gateway:payment")
            .Respond("application/json", AuthFixture.TokenJson(AccessToken));
        var create = mock.Expect(HttpMethod.Post, AuthFixture.SandboxApi + "payments")
            .WithHeaders("Authorization", "Bearer " + AccessToken).WithPartialContent(CardNumber)
            .Respond(HttpStatusCode.Created, "application/json", "{\"id\":\"pay_1\",\"status\":\"Authorized\"}");
        var detailsToken = mock.Expect(HttpMethod.Post, AuthFixture.SandboxTokenUrl.AbsoluteUri).WithFormData("scope", "gateway:payment-details")
            .Respond("application/json", AuthFixture.TokenJson(AccessToken));
        var get = mock.Expect(AuthFixture.SandboxApi + "payments/pay_1")
            .WithHeaders("Authorization", "Bearer " + AccessToken)
            .Respond("application/json", "{\"id\":\"pay_1\",\"status\":\"Captured\"}");
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddCheckoutClient(o =>
        {
            o.AccountPrefix = AuthFixture.Prefix;
            o.AccessKeyId = AuthFixture.AccessKeyId;
            o.AccessKeySecret = AuthFixture.AccessKeySecret;
            o.SecretKey = AuthFixture.SandboxSecretKey;
            o.GrantedScopes = new List<string> { "gateway", "gateway:payment", "gateway:payment-details" };
        }).ConfigurePrimaryHttpMessageHandler(() => mock);
        await using var provider = services.BuildServiceProvider();
        var payments = provider.GetRequiredService<IPaymentsClient>();
        var request = new PaymentRequest { Amount = 1000, Currency = "GBP", Reference = "ORD-1" };
        request.AdditionalProperties["source"] = new Dictionary<string, object>
        {
            ["type"] = "card", ["number"] = CardNumber, ["expiry_month"] = 12, ["expiry_year"] = 2030, ["cvv"] = Cvv,
        };

        await payments.RequestPaymentOrPayoutAsync(body: request);
        await payments.GetPaymentDetailsAsync("pay_1");
        var text = logs.AllText;

        Assert.Multiple(() =>
        {
            Assert.That((mock.GetMatchCount(paymentToken), mock.GetMatchCount(create), mock.GetMatchCount(detailsToken), mock.GetMatchCount(get)), Is.EqualTo((1, 1, 1, 1)));
            Assert.That(logs.Entries, Has.Count.GreaterThan(5), "the flow was logged");
            Assert.That(text, Does.Contain("requestPaymentOrPayout").And.Contain("getPaymentDetails"));
            foreach (var secret in new[] { AuthFixture.AccessKeySecret, AuthFixture.BasicCredential, AuthFixture.SandboxSecretKey, AccessToken, CardNumber, Cvv })
            {
                Assert.That(text, Does.Not.Contain(secret));
            }
        });
    }
}
