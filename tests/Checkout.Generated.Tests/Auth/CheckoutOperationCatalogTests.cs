using Checkout.Generated.Models;
using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Checkout.Generated.Tests.Auth;

[TestFixture]
[Category("Auth")]
public sealed class CheckoutOperationCatalogTests
{
    [TestCase("")]
    [TestCase(".")]
    [TestCase("..")]
    public void GetPaymentDetails_UnusableId_ThrowsArgumentExceptionBeforeSending(string id)
    {
        using var mock = new StrictMockHttp();
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        var error = Assert.ThrowsAsync<ArgumentException>(() => factory.Create<IPaymentsClient>().GetPaymentDetailsAsync(id))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.ParamName, Is.EqualTo("id"));
            Assert.That(error.Message, Does.Contain("getPaymentDetails").And.Contain("path parameter 'id'"));
            Assert.That(mock.Calls, Is.Zero);
        });
    }

    [Test]
    public void CaptureAPayment_DotDotIdInTheMiddleOfThePath_ThrowsInsteadOfCallingAnotherPath()
    {
        using var mock = new StrictMockHttp();
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        Assert.ThrowsAsync<ArgumentException>(() => factory.Create<IPaymentsClient>().CapturePaymentAsync("..", body: new CaptureRequest { Amount = 1 }));

        Assert.That(mock.Calls, Is.Zero, "payments/../captures would have gone to /captures");
    }

    [Test]
    public async Task GetPaymentDetails_IdContainingDots_IsSentEscapedUnderItsPath()
    {
        using var mock = new StrictMockHttp();
        var api = mock.Expect(AuthFixture.SandboxApi + "payments/pay..1").Respond("application/json", "{\"id\":\"pay..1\"}");
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), mock);

        var payment = await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync("pay..1");

        Assert.That((payment.Id, mock.GetMatchCount(api)), Is.EqualTo(("pay..1", 1)));
    }

    [Test]
    public void Tag_NullRequest_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => CheckoutOperationCatalog.Tag(null!, CheckoutOperationCatalog.All[0]));
    }

    [Test]
    public void Tag_RelativeRequest_IsFoundWithItsOperation()
    {
        var operation = CheckoutOperationCatalog.All.First(o => o.Method == "GET");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("somewhere?x=1", UriKind.Relative));

        CheckoutOperationCatalog.Tag(request, operation);

        Assert.That(CheckoutOperationCatalog.Of(request), Is.SameAs(operation));
    }
}
