using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Checkout.Generated.Shop;
using Checkout.Generated.Testing;
using Checkout.Generated.Tests.Package;
using NUnit.Framework;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Checkout.Generated.Tests.Browser;

/// <summary>
/// The sample shop in headless Chromium against the local Checkout server: a card payment without 3DS, 3DS authenticated,
/// 3DS failed; each ends on the order page with the right state and the webhooks received, saved as a screenshot under artifacts/browser.
/// </summary>
[Category("Browser")]
[NonParallelizable]
public sealed class ShopBrowserTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private HeadlessChromium _chromium = null!;
    private ShopHost _shop = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        LocalCheckoutRequirements();
        _chromium = HeadlessChromium.Start();
        _shop = await ShopHost.StartAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _chromium?.Dispose();
        if (_shop is not null) await _shop.DisposeAsync();
    }

    [Test]
    public async Task CardPayment_Without3ds_EndsOnThePaidOrderPage()
    {
        var order = Pay(CheckoutTestCards.ApprovedVisa, threeDs: false);

        await ExpectAsync(order, OrderStatus.Paid, "Thank you: your order is paid", "without-3ds", "payment_approved");
    }

    [Test]
    public async Task CardPayment_3dsAuthenticated_EndsOnThePaidOrderPage()
    {
        Pay(CheckoutTestCards.ThreeDsChallenge, threeDs: true);
        var order = Challenge("authenticate");

        await ExpectAsync(order, OrderStatus.Paid, "Thank you: your order is paid", "3ds-authenticated", "payment_pending", "payment_approved");
    }

    [Test]
    public async Task CardPayment_3dsFailed_EndsOnTheFailedOrderPage()
    {
        Pay(CheckoutTestCards.ThreeDsChallenge, threeDs: true);
        var order = Challenge("fail");

        await ExpectAsync(order, OrderStatus.Failed, "Payment failed", "3ds-failed", "payment_pending", "payment_declined");
        Assert.That(_chromium.Driver.FindElement(By.Id("reason")).Text, Does.StartWith("20151"));
    }

    private static void LocalCheckoutRequirements()
    {
        if (!CheckoutOperationCatalog.All.Any(o => o.Method == "POST" && o.PathTemplate == "/payments" && o.Host == "api"))
            Assert.Ignore($"this spec release ({CheckoutOperationCatalog.Spec}) has no POST /payments");
        var missing = new[] { "payment_pending", "payment_approved", "payment_declined" }.Where(t => !CheckoutEventCatalog.EventTypes.Contains(t)).ToList();
        if (missing.Count > 0) Assert.Ignore($"The spec ({CheckoutOperationCatalog.Spec}) does not name the event(s) {string.Join(", ", missing)}.");
    }

    /// <summary>Fills the checkout page and pays; returns the order page's order id when no 3DS was asked for (else the challenge is shown).</summary>
    private string? Pay(string card, bool threeDs)
    {
        var driver = _chromium.Driver;
        driver.Navigate().GoToUrl(_shop.Url);
        var number = driver.FindElement(By.Id("card"));
        number.Clear();
        number.SendKeys(card);
        var box = driver.FindElement(By.Id("three-ds"));
        if (box.Selected != threeDs) box.Click();
        driver.FindElement(By.Id("pay")).Click();
        if (threeDs)
        {
            Wait().Until(d => d.FindElements(By.Id("authenticate")).Count > 0);
            Assert.That(driver.Url, Does.StartWith(_shop.Checkout.BaseAddresses["api"].AbsoluteUri + "3ds/"), "the shopper is on the local server's 3DS challenge");
            return null;
        }

        return OrderId();
    }

    private string Challenge(string button)
    {
        _chromium.Driver.FindElement(By.Id(button)).Click();
        return OrderId();
    }

    private string OrderId()
    {
        Wait().Until(d => d.FindElements(By.Id("order-id")).Count > 0);
        return _chromium.Driver.FindElement(By.Id("order-id")).Text;
    }

    private async Task ExpectAsync(string? orderId, OrderStatus status, string heading, string screenshot, params string[] webhooks)
    {
        var order = _shop.Orders.Find(orderId!) ?? throw new AssertionException($"the shop has no order {orderId}");
        // The webhooks arrive on their own; the page shows them once they have (reloaded as a shopper would).
        await _shop.Checkout.WaitForWebhooksAsync(order.PaymentId!, webhooks.Length).WaitAsync(Patience);
        Wait().Until(d =>
        {
            d.Navigate().Refresh();
            return d.FindElements(By.CssSelector("#webhooks li")).Count >= webhooks.Length;
        });
        var driver = _chromium.Driver;
        var directory = Directory.CreateDirectory(RepositoryFiles.Path("artifacts", "browser")).FullName;
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(directory, screenshot + ".png"));

        Assert.Multiple(() =>
        {
            Assert.That(driver.Url, Is.EqualTo(new Uri(_shop.Url, "orders/" + order.Id).AbsoluteUri));
            Assert.That(driver.FindElement(By.TagName("h1")).Text, Is.EqualTo(heading));
            Assert.That(driver.FindElement(By.Id("status")).Text, Is.EqualTo(status.ToString()));
            Assert.That(order.Status, Is.EqualTo(status));
            Assert.That(order.Webhooks, Is.EqualTo(webhooks));
            Assert.That(driver.FindElements(By.CssSelector("#webhooks li")).Select(e => e.Text), Is.EqualTo(webhooks));
        });
    }

    private WebDriverWait Wait() => new(_chromium.Driver, Patience);
}
