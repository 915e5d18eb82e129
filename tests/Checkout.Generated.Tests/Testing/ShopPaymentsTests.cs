using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Checkout.Generated.Shop;
using Checkout.Generated.Testing;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Testing;

/// <summary>A shop's payment service tested the way a consumer would: its own code, the real client, the local server (no browser).</summary>
[Category("LocalServer")]
public sealed class ShopPaymentsTests
{
    private ShopHost _shop = null!;
    private CheckoutClientFactory _factory = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        if (!CheckoutOperationCatalog.All.Any(o => o.Method == "POST" && o.PathTemplate == "/payments" && o.Host == "api"))
            Assert.Ignore($"this spec release ({CheckoutOperationCatalog.Spec}) has no POST /payments");
        _shop = await ShopHost.StartAsync();
        _factory = new CheckoutClientFactory(_shop.Checkout.Configure(new CheckoutOptions()));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _factory?.Dispose();
        if (_shop is not null) await _shop.DisposeAsync();
    }

    private ShopPayments Payments() => new(_factory.Create<ICheckoutClient>());

    [Test]
    public async Task PayAsync_ApprovedCard_PaysTheOrderWithoutAChallenge()
    {
        var order = _shop.Orders.Open("Mug", CheckoutTestAmounts.Approved, "GBP");

        var challenge = await Payments().PayAsync(order, CheckoutTestCards.ApprovedVisa, threeDs: false, new Uri(_shop.Url, "back"));

        Assert.Multiple(() =>
        {
            Assert.That(challenge, Is.Null);
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Paid));
            Assert.That(order.PaymentId, Does.StartWith("pay_"));
        });
    }

    [TestCase(CheckoutTestCards.DeclinedInsufficientFunds, CheckoutTestAmounts.Approved, "20051")]
    [TestCase(CheckoutTestCards.ApprovedVisa, CheckoutTestAmounts.DeclinedDoNotHonour, "20005")]
    public async Task PayAsync_DecliningCardOrAmount_FailsTheOrderWithTheResponseCode(string card, long amount, string code)
    {
        var order = _shop.Orders.Open("Mug", amount, "GBP");

        await Payments().PayAsync(order, card, threeDs: false, new Uri(_shop.Url, "back"));

        Assert.Multiple(() =>
        {
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Failed));
            Assert.That(order.FailureReason, Does.StartWith(code));
        });
    }

    [Test]
    public async Task PayAsync_3ds_ReturnsTheChallengeThenConfirmAsyncPaysTheOrder()
    {
        var order = _shop.Orders.Open("Mug", CheckoutTestAmounts.Approved, "GBP");
        var payments = Payments();

        var challenge = await payments.PayAsync(order, CheckoutTestCards.ThreeDsChallenge, threeDs: true, new Uri(_shop.Url, "back"));
        var awaiting = order.Status;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var answer = await browser.PostAsync(challenge, new FormUrlEncodedContent(new[] { new System.Collections.Generic.KeyValuePair<string, string>("outcome", "authenticate") }));
        var sessionId = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(answer.Headers.Location!.Query)["cko-session-id"].ToString();
        await payments.ConfirmAsync(order, sessionId);

        Assert.Multiple(() =>
        {
            Assert.That(awaiting, Is.EqualTo(OrderStatus.AwaitingAuthentication));
            Assert.That(answer.Headers.Location!.GetLeftPart(UriPartial.Path), Is.EqualTo(new Uri(_shop.Url, "back").AbsoluteUri));
            Assert.That(order.Status, Is.EqualTo(OrderStatus.Paid));
        });
    }

    [Test]
    public async Task ConfirmAsync_SessionOfAnotherOrder_Throws()
    {
        var first = _shop.Orders.Open("Mug", CheckoutTestAmounts.Approved, "GBP");
        var second = _shop.Orders.Open("Mug", CheckoutTestAmounts.Approved, "GBP");
        var payments = Payments();
        var challenge = await payments.PayAsync(first, CheckoutTestCards.ThreeDsChallenge, threeDs: true, new Uri(_shop.Url, "back"));
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var answer = await browser.PostAsync(challenge, new FormUrlEncodedContent(new[] { new System.Collections.Generic.KeyValuePair<string, string>("outcome", "authenticate") }));
        var sessionId = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(answer.Headers.Location!.Query)["cko-session-id"].ToString();

        Assert.That(() => payments.ConfirmAsync(second, sessionId), Throws.InvalidOperationException.With.Message.Contain(first.Id));
    }
}
