using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Checkout.Generated.Models;
using Checkout.Generated.Testing;
using Checkout.Generated.Tests.Auth;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Checkout.Generated.Tests.Releases;

/// <summary>
/// Auth and hosts as the spec release's platform has them: the previous platform (ABC) sends the secret key as it is
/// to <c>api.sandbox.checkout.com</c>; the current one sends <c>Bearer {key}</c> to <c>{prefix}.api.sandbox…</c>.
/// CI runs this category against every release, ABC's included.
/// </summary>
[Category("ABC")]
public class PlatformAuthTests
{
    [Test]
    public async Task GetPaymentDetails_SecretKey_GoesToThePlatformsHostWithThePlatformsHeader()
    {
        using var mock = new StrictMockHttp();
        var (url, header) = TestPlatform.IsCurrent
            ? ("https://vkuhvk4v.api.sandbox.checkout.com/payments/pay_1", "Bearer sk_sbox_m73dzbpy7cf3gfd46xr4yj5xo4e")
            : ("https://api.sandbox.checkout.com/payments/pay_1", "sk_test_m73dzbpy7cf3gfd46xr4yj5xo4e");
        var expected = mock.Expect(url).WithHeaders("Authorization", header).Respond("application/json", "{\"id\":\"pay_1\"}");
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That(mock.GetMatchCount(expected), Is.EqualTo(1));
    }

    [Test]
    public async Task LocalServer_SecretKeyInTheOtherPlatformsFormat_Is401()
    {
        await using var server = await CheckoutMockServer.StartAsync();
        var key = server.Options.SecretKeys[0];
        var details = CheckoutOperationCatalog.All.First(o => o.Method == "GET" && o.PathTemplate == "/payments/{id}");
        using var http = new HttpClient { BaseAddress = server.BaseAddresses[details.Host] };

        var wrong = TestPlatform.IsCurrent ? key : "Bearer " + key;
        var right = TestPlatform.KeyHeader(key, CheckoutCredentialKinds.SecretKey);

        Assert.That(await StatusWith(wrong), Is.EqualTo(HttpStatusCode.Unauthorized), wrong.StartsWith("Bearer", StringComparison.Ordinal) ? "Bearer on the previous platform" : "no Bearer on the current platform");
        Assert.That(await StatusWith(right), Is.Not.EqualTo(HttpStatusCode.Unauthorized));

        async Task<HttpStatusCode> StatusWith(string authorization)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "payments/pay_missing");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }
    }

    [Test]
    public async Task CaptureThenPartialRefund_WithASecretKeyAgainstTheLocalServerOfTheSameSpec_ReportsPartiallyRefunded()
    {
        await using var server = await CheckoutMockServer.StartAsync();
        var options = server.Configure(new CheckoutOptions());
        (options.AccessKeyId, options.AccessKeySecret, options.SecretKey) = (null, null, server.Options.SecretKeys[0]);
        using var factory = new CheckoutClientFactory(options);
        var payments = factory.Create<IPaymentsClient>();
        var request = new PaymentRequest
        {
            Source = new PaymentRequestCardSource { Number = "4242424242424242", ExpiryMonth = 12, ExpiryYear = DateTime.UtcNow.Year + 2, Cvv = "100" },
            Amount = 1000, Currency = "GBP", Reference = "platform-flow", Capture = false,
        };

        var payment = (await payments.RequestPaymentOrPayoutAsync(body: request)).Created!;
        await payments.CapturePaymentAsync(payment.Id!, body: new CaptureRequest { Amount = 1000 });
        await payments.RefundPaymentAsync(payment.Id!, body: new RefundRequest { Amount = 400 });
        var details = await payments.GetPaymentDetailsAsync(payment.Id!);

        Assert.Multiple(() =>
        {
            Assert.That(payment.Approved, Is.True);
            Assert.That(details.Status?.ToString(), Is.EqualTo("Partially Refunded"));
            Assert.That(server.RequestCounts.Where(c => CheckoutOperationCatalog.Find(c.Key)!.Host == "access").Sum(c => c.Value), Is.Zero, "no token exchange with a secret key");
        });
    }
}
