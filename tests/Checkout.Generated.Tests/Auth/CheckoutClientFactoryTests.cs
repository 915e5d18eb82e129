using Checkout.Generated.Models;
using System;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Auth;

[TestFixture]
[Category("Auth")]
public sealed class CheckoutClientFactoryTests
{
    [Test]
    public async Task Create_InterfaceOrClass_ReturnsWorkingClients()
    {
        using var mock = new StrictMockHttp();
        var api = mock.When(AuthFixture.SandboxApi + "payments/pay_1").Respond("application/json", "{\"id\":\"pay_1\"}");
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay_1");
        await factory.Create<PaymentsClient>().GetPaymentDetailsAsync("pay_1");

        Assert.That(mock.GetMatchCount(api), Is.EqualTo(2));
    }

    [Test]
    public async Task Create_CheckoutClient_SendsEachTagsOperationsThroughThePipeline()
    {
        using var mock = new StrictMockHttp();
        var api = mock.When(AuthFixture.SandboxApi + "payments/pay_1")
            .WithHeaders("Authorization", TestPlatform.KeyHeader(AuthFixture.SandboxSecretKey, CheckoutCredentialKinds.SecretKey)).Respond("application/json", "{\"id\":\"pay_1\"}");
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        var checkout = factory.Create<ICheckoutClient>();
        var payment = await checkout.Payments.GetPaymentDetailsAsync("pay_1");

        Assert.That(payment.Id, Is.EqualTo("pay_1"));
        Assert.That(mock.GetMatchCount(api), Is.EqualTo(1));
    }

    [Test]
    public void Create_TypeThatIsNotAClient_ThrowsArgumentException()
    {
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), new StrictMockHttp());

        var error = Assert.Throws<ArgumentException>(() => factory.Create<PaymentRequest>())!;

        Assert.That(error.Message, Does.Contain(nameof(PaymentRequest)));
    }

    [Test]
    public void Create_AfterDispose_ThrowsObjectDisposedException()
    {
        var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), new StrictMockHttp());
        factory.Dispose();

        Assert.Throws<ObjectDisposedException>(() => factory.Create<IPaymentsClient>());
    }

    [Test]
    public void Dispose_CallerOwnedInnerHandler_LeavesItUsable()
    {
        using var mock = new StrictMockHttp();
        mock.When("http://127.0.0.1:5089/ping").Respond("text/plain", "pong");
        new CheckoutClientFactory(AuthFixture.SecretKey(), mock).Dispose();

        Assert.DoesNotThrowAsync(async () => await mock.ToHttpClient().GetStringAsync("http://127.0.0.1:5089/ping"));
    }

    [Test]
    public void Constructor_NullOptions_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new CheckoutClientFactory(null!));
    }
}
