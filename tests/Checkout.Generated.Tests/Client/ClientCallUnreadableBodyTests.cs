using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Checkout.Generated.Tests.Client;

/// <summary>On the wire: bodies that cannot be read (truncated, HTML, wrong JSON types) and what the exception says, never the value.</summary>
[Category("Codegen")]
public class ClientCallUnreadableBodyTests : ClientCallFixture
{
    [TestCase("""{"id":"pay_1","status":""", "", TestName = "GetPaymentDetails_TruncatedBody_ThrowsCheckoutApiExceptionWithTheRawBody")]
    [TestCase("<html><body>502 Bad Gateway</body></html>", "", TestName = "GetPaymentDetails_HtmlBody_ThrowsCheckoutApiExceptionWithTheRawBody")]
    [TestCase("""{"id":"pay_1","amount":{"value":1}}""", "amount", TestName = "GetPaymentDetails_WrongJsonType_ThrowsCheckoutApiExceptionWithThePath")]
    [TestCase("""[{"id":"pay_1"}]""", "", TestName = "GetPaymentDetails_ArrayForAnObject_ThrowsCheckoutApiException")]
    [TestCase("", "", TestName = "GetPaymentDetails_EmptyBody_ThrowsCheckoutApiException")]
    public void GetPaymentDetails_UnreadableBody_ThrowsCheckoutApiException(string body, string path)
    {
        Mock.Expect(HttpMethod.Get, Api + "payments/pay_1").Respond(_ => Answer(HttpStatusCode.OK, body));

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
        Mock.Expect(HttpMethod.Get, Api + "payments/pay_1").Respond(_ =>
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
        Mock.Expect(HttpMethod.Get, Api + "payments/pay_1").Respond(_ => Answer(HttpStatusCode.OK, body));

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
        Mock.Expect(HttpMethod.Get, Api + "payments/pay_1").Respond(_ => Answer(HttpStatusCode.OK, """{"id":"pay_1","amount":65.4}"""));

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
        Mock.Expect(HttpMethod.Get, Api + "payments/pay_1").Respond(_ => Answer(HttpStatusCode.OK, """{"id":"pay_1","amount":6540.0}"""));

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
}
