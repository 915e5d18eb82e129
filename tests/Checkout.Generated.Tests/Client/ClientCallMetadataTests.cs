using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Checkout.Generated.Tests.Auth;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Checkout.Generated.Tests.Client;

/// <summary>On the wire: per-call options (idempotency key, extra headers) and the metadata of results and errors.</summary>
[Category("Codegen")]
public class ClientCallMetadataTests : ClientCallFixture
{
    [Test]
    public async Task RequestPayment_CallersKey_IsSentAndReadableFromTheResult()
    {
        Mock.Expect(HttpMethod.Post, Api + "payments").WithHeaders("Cko-Idempotency-Key", "key-1").WithHeaders("X-Trace", "t-1")
            .Respond(_ => Answer(HttpStatusCode.Created, PaymentJson));
        var options = new CheckoutRequestOptions { IdempotencyKey = "key-1" };
        options.Headers["X-Trace"] = "t-1";

        var result = await Payments().RequestPaymentOrPayoutAsync(Payment(), options);

        Assert.Multiple(() =>
        {
            Assert.That(result.StatusCode, Is.EqualTo(201));
            Assert.That(result.CheckoutResponse.IdempotencyKey, Is.EqualTo("key-1"));
            Assert.That(result.CheckoutResponse.RequestId, Is.EqualTo("req_1"));
            Assert.That(result.CheckoutResponse.Version, Is.EqualTo("1.0.0"));
            Assert.That(result.Created!.CheckoutResponse, Is.SameAs(result.CheckoutResponse), "the body carries the metadata too");
            Assert.That(result.Accepted, Is.Null);
        });
    }

    [Test]
    public async Task RequestPayment_ThroughTheFactoryWithoutAKey_SendsOneGeneratedKeyAndReportsIt()
    {
        string? sent = null;
        Mock.Expect(HttpMethod.Post, "*/payments").With(r => (sent = r.Headers.GetValues("Cko-Idempotency-Key").Single()) is not null)
            .Respond(_ => Answer(HttpStatusCode.Created, PaymentJson));
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), Mock);

        var result = await factory.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(Payment());

        Assert.That(sent, Is.Not.Null.And.Not.Empty);
        Assert.That(result.CheckoutResponse.IdempotencyKey, Is.EqualTo(sent));
    }

    [Test]
    public void RequestPayment_ErrorStatus_ExceptionCarriesTheKeySentAndTheRawBody()
    {
        Mock.Expect(HttpMethod.Post, Api + "payments").WithHeaders("Cko-Idempotency-Key", "key-2")
            .Respond(_ => Answer((HttpStatusCode)422, """{"request_id":"req_1","error_type":"request_invalid","error_codes":["amount_required"]}"""));

        var error = Assert.CatchAsync<CheckoutApiException>(() => Payments().RequestPaymentOrPayoutAsync(Payment(), new CheckoutRequestOptions { IdempotencyKey = "key-2" }))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(422));
            Assert.That(error.IdempotencyKey, Is.EqualTo("key-2"));
            Assert.That(error.RequestId, Is.EqualTo("req_1"));
            Assert.That(error.ErrorCodes, Is.EqualTo(new[] { "amount_required" }));
            Assert.That(error.Response, Does.Contain("amount_required"), "error bodies are kept as text");
        });
    }

    [Test]
    public async Task RequestPayment_202_ReturnsThePendingPaymentWithoutThrowing()
    {
        Mock.Expect(HttpMethod.Post, Api + "payments")
            .Respond(_ => Answer(HttpStatusCode.Accepted, """{"id":"pay_2","status":"Pending","_links":{"self":{"href":"https://x/pay_2"},"redirect":{"href":"https://3ds.example/pay_2"}}}"""));

        var result = await Payments().RequestPaymentOrPayoutAsync(Payment());

        Assert.That(result.StatusCode, Is.EqualTo(202));
        Assert.That(result.Created, Is.Null);
        Assert.That(result.Accepted!.Status?.ToString(), Is.EqualTo("Pending"));
        Assert.That(Newtonsoft.Json.Linq.JObject.FromObject(result.Accepted)["_links"]!["redirect"]!["href"]!.ToString(), Is.EqualTo("https://3ds.example/pay_2"));
    }

    [TestCase("Authorization", "Bearer x")]
    [TestCase("Cko-Idempotency-Key", "k")]
    [TestCase("Content-Type", "text/plain")]
    public void AnyCall_OptionsSetAHeaderTheClientOwns_ThrowsBeforeSending(string name, string value)
    {
        var options = new CheckoutRequestOptions();
        options.Headers[name] = value;

        var error = Assert.ThrowsAsync<ArgumentException>(() => Payments().GetPaymentDetailsAsync("pay_1", options));

        Assert.That(error!.Message, Does.Contain(name));
        Assert.That(Mock.Calls, Is.Zero);
    }

    [Test]
    public void AnyCall_EmptyIdempotencyKey_ThrowsBeforeSending()
    {
        Assert.ThrowsAsync<ArgumentException>(() => Payments().GetPaymentDetailsAsync("pay_1", new CheckoutRequestOptions { IdempotencyKey = " " }));
        Assert.That(Mock.Calls, Is.Zero);
    }

    [Test]
    public async Task GetPaymentDetails_Success_MetadataHasStatusHeadersAndRequestId()
    {
        Mock.Expect(HttpMethod.Get, Api + "payments/pay_1").Respond(_ => Answer(HttpStatusCode.OK, PaymentJson));

        var payment = await Payments().GetPaymentDetailsAsync("pay_1");

        Assert.That(payment.CheckoutResponse!.StatusCode, Is.EqualTo(200));
        Assert.That(payment.CheckoutResponse.RequestId, Is.EqualTo("req_1"));
        Assert.That(payment.CheckoutResponse.Header("content-type"), Does.StartWith("application/json"));
        Assert.That(payment.CheckoutResponse.IdempotencyKey, Is.Null, "no key on a GET");
    }
}
