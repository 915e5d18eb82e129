using Checkout.Generated.Models;
using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Checkout.Generated.Tests.Auth;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Checkout.Generated.Tests.Client;

/// <summary>On the wire: per-call options, the metadata of results and errors, and bodies that cannot be read.</summary>
[Category("Codegen")]
public class ClientCallTests
{
    private const string Api = "https://api.sandbox.checkout.com/";
    private const string PaymentJson = """{"id":"pay_1","status":"Authorized","approved":true}""";

    private StrictMockHttp _mock = null!;

    [SetUp]
    public void SetUp() => _mock = new StrictMockHttp();

    [TearDown]
    public void TearDown()
    {
        _mock.VerifyNoOutstandingExpectation();
        _mock.Dispose();
    }

    private PaymentsClient Payments() => new(new HttpClient(_mock) { BaseAddress = new Uri(Api) });

    private static PaymentRequest Payment() => new() { Amount = 100, Currency = "GBP", Source = new PaymentRequestTokenSource { Token = "tok_1" } };

    private static HttpResponseMessage Answer(HttpStatusCode status, string? body, string mediaType = "application/json")
    {
        var response = new HttpResponseMessage(status);
        response.Headers.Add("Cko-Request-Id", "req_1");
        response.Headers.Add("Cko-Version", "1.0.0");
        if (body is not null) response.Content = new StringContent(body, Encoding.UTF8, mediaType);
        return response;
    }

    [Test]
    public async Task RequestPayment_CallersKey_IsSentAndReadableFromTheResult()
    {
        _mock.Expect(HttpMethod.Post, Api + "payments").WithHeaders("Cko-Idempotency-Key", "key-1").WithHeaders("X-Trace", "t-1")
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
        _mock.Expect(HttpMethod.Post, "*/payments").With(r => (sent = r.Headers.GetValues("Cko-Idempotency-Key").Single()) is not null)
            .Respond(_ => Answer(HttpStatusCode.Created, PaymentJson));
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), _mock);

        var result = await factory.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(Payment());

        Assert.That(sent, Is.Not.Null.And.Not.Empty);
        Assert.That(result.CheckoutResponse.IdempotencyKey, Is.EqualTo(sent));
    }

    [Test]
    public void RequestPayment_ErrorStatus_ExceptionCarriesTheKeySentAndTheRawBody()
    {
        _mock.Expect(HttpMethod.Post, Api + "payments").WithHeaders("Cko-Idempotency-Key", "key-2")
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
        _mock.Expect(HttpMethod.Post, Api + "payments")
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
        Assert.That(_mock.Calls, Is.Zero);
    }

    [Test]
    public void AnyCall_EmptyIdempotencyKey_ThrowsBeforeSending()
    {
        Assert.ThrowsAsync<ArgumentException>(() => Payments().GetPaymentDetailsAsync("pay_1", new CheckoutRequestOptions { IdempotencyKey = " " }));
        Assert.That(_mock.Calls, Is.Zero);
    }

    [TestCase("""{"id":"pay_1","status":""", "", TestName = "GetPaymentDetails_TruncatedBody_ThrowsCheckoutApiExceptionWithTheRawBody")]
    [TestCase("<html><body>502 Bad Gateway</body></html>", "", TestName = "GetPaymentDetails_HtmlBody_ThrowsCheckoutApiExceptionWithTheRawBody")]
    [TestCase("""{"id":"pay_1","amount":{"value":1}}""", "amount", TestName = "GetPaymentDetails_WrongJsonType_ThrowsCheckoutApiExceptionWithThePath")]
    [TestCase("""[{"id":"pay_1"}]""", "", TestName = "GetPaymentDetails_ArrayForAnObject_ThrowsCheckoutApiException")]
    [TestCase("", "", TestName = "GetPaymentDetails_EmptyBody_ThrowsCheckoutApiException")]
    public void GetPaymentDetails_UnreadableBody_ThrowsCheckoutApiException(string body, string path)
    {
        _mock.Expect(HttpMethod.Get, Api + "payments/pay_1").Respond(_ => Answer(HttpStatusCode.OK, body));

        var error = Assert.ThrowsAsync<CheckoutApiException>(() => Payments().GetPaymentDetailsAsync("pay_1"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(200));
            Assert.That(error.RequestId, Is.EqualTo("req_1"));
            Assert.That(error.Response, Is.EqualTo(body), "the raw body");
            Assert.That(error.Message, Does.Contain("could not be read"));
            if (path.Length > 0) Assert.That(error.JsonPath, Does.StartWith(path));
        });
    }

    [Test]
    public void GetPaymentDetails_UnreadableBodyOnALiveStream_ThrowsCheckoutApiExceptionWithTheRawBody()
    {
        // A bare HttpClient does not buffer the body: the client records what it reads instead of reading it twice.
        const string body = """{"id":"pay_1","amount":{"value":1},"status":"Authorized"}""";
        _mock.Expect(HttpMethod.Get, Api + "payments/pay_1").Respond(_ =>
        {
            var response = Answer(HttpStatusCode.OK, null);
            response.Content = new StreamContent(new LiveStream(Encoding.UTF8.GetBytes(body)));
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return response;
        });

        var error = Assert.ThrowsAsync<CheckoutApiException>(() => Payments().GetPaymentDetailsAsync("pay_1"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Response, Is.EqualTo(body), "the whole raw body, read past the failure");
            Assert.That(error.JsonPath, Does.StartWith("amount"));
        });
    }

    [TestCase("""{"id":"pay_1","amount":"4242 4242 4242 4242"}""", "4242 4242 4242 4242", "amount", TestName = "GetPaymentDetails_CardNumberEchoedIntoAnIntegerField_ExceptionTextHoldsNoValue")]
    [TestCase("""{"id":"pay_1","approved":"737"}""", "737", "approved", TestName = "GetPaymentDetails_CvvEchoedIntoABooleanField_ExceptionTextHoldsNoValue")]
    [TestCase("""{"id":"pay_1","requested_on":"4242424242424242"}""", "4242424242424242", "requested_on", TestName = "GetPaymentDetails_CardNumberEchoedIntoAnInstantField_ExceptionTextHoldsNoValue")]
    [TestCase("""{"id":"pay_1","amount":4242424242424242424242}""", "4242424242424242424242", "amount", TestName = "GetPaymentDetails_NumberTooLargeForAnIntegerField_ExceptionTextHoldsNoValue")]
    public void GetPaymentDetails_ValueOfAnotherType_ExceptionTextNamesThePathAndTypeButNoValue(string body, string value, string path)
    {
        _mock.Expect(HttpMethod.Get, Api + "payments/pay_1").Respond(_ => Answer(HttpStatusCode.OK, body));

        var error = Assert.ThrowsAsync<CheckoutApiException>(() => Payments().GetPaymentDetailsAsync("pay_1"))!;

        TestContext.Out.WriteLine(error.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(error.ToString(), Does.Not.Contain(value), "what loggers write: the message, every inner exception and the stack");
            Assert.That(error.JsonPath, Is.EqualTo(path));
            Assert.That(error.Message, Does.Contain($"'{path}'"));
            Assert.That(error.InnerException?.Message, Does.Contain($"'{path}'"), "the inner exception says where, and which type was expected");
            Assert.That(error.Response, Is.EqualTo(body), "the raw body stays available to the caller, outside the exception text");
        });
    }

    [Test]
    public void GetPaymentDetails_FractionInAnInt64Field_ThrowsNamingThePathInsteadOfRounding()
    {
        _mock.Expect(HttpMethod.Get, Api + "payments/pay_1").Respond(_ => Answer(HttpStatusCode.OK, """{"id":"pay_1","amount":65.4}"""));

        var error = Assert.ThrowsAsync<CheckoutApiException>(() => Payments().GetPaymentDetailsAsync("pay_1"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.JsonPath, Is.EqualTo("amount"));
            Assert.That(error.ToString(), Does.Not.Contain("65.4").And.Not.Contain("65,4"));
            Assert.That(error.InnerException?.Message, Does.Contain("integer"), "the expected type");
        });
    }

    [Test]
    public async Task GetPaymentDetails_WholeNumberWrittenWithAFraction_ReadsIt()
    {
        _mock.Expect(HttpMethod.Get, Api + "payments/pay_1").Respond(_ => Answer(HttpStatusCode.OK, """{"id":"pay_1","amount":6540.0}"""));

        var payment = await Payments().GetPaymentDetailsAsync("pay_1");

        Assert.That(payment.Amount, Is.EqualTo(6540));
    }

    /// <summary>A body that can only be read forward, as a socket's is.</summary>
    private sealed class LiveStream(byte[] bytes) : System.IO.Stream
    {
        private readonly System.IO.MemoryStream _inner = new(bytes);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Test]
    public async Task GetPaymentDetails_Success_MetadataHasStatusHeadersAndRequestId()
    {
        _mock.Expect(HttpMethod.Get, Api + "payments/pay_1").Respond(_ => Answer(HttpStatusCode.OK, PaymentJson));

        var payment = await Payments().GetPaymentDetailsAsync("pay_1");

        Assert.That(payment.CheckoutResponse!.StatusCode, Is.EqualTo(200));
        Assert.That(payment.CheckoutResponse.RequestId, Is.EqualTo("req_1"));
        Assert.That(payment.CheckoutResponse.Header("content-type"), Does.StartWith("application/json"));
        Assert.That(payment.CheckoutResponse.IdempotencyKey, Is.Null, "no key on a GET");
    }
}
