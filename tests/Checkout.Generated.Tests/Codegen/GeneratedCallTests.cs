using Checkout.Generated.Models;
using System;
using System.Linq;
using System.Reflection;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>Generated methods send the method, path, query and body their operation describes.</summary>
[Category("Codegen")]
public class GeneratedCallTests
{
    private MockHttpMessageHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _handler = new MockHttpMessageHandler();
        _handler.Fallback.Throw(new InvalidOperationException("unexpected request"));
    }

    [TearDown]
    public void TearDown()
    {
        _handler.VerifyNoOutstandingExpectation();
        _handler.Dispose();
    }

    private HttpClient Http(string baseAddress) => new(_handler) { BaseAddress = new Uri(baseAddress) };

    [Test]
    public async Task RequestAPaymentOrPayout_PostsTheBodyWithTheDiscriminator()
    {
        JObject? sent = null;
        _handler.Expect(HttpMethod.Post, "https://api.sandbox.checkout.com/payments")
            .WithHeaders("Cko-Idempotency-Key", "idem-1")
            .With(r => { sent = JObject.Parse(r.Content!.ReadAsStringAsync().Result); return true; })
            .Respond(HttpStatusCode.Created, "application/json", """{"id":"pay_1","status":"Authorized","source":{"type":"card","last4":"4242"}}""");

        var result = await new PaymentsClient(Http("https://api.sandbox.checkout.com/")).RequestPaymentOrPayoutAsync(
            new PaymentRequest { Source = new PaymentRequestTokenSource { Token = "tok_x" }, Amount = 100, Currency = "GBP" },
            new CheckoutRequestOptions { IdempotencyKey = "idem-1" });
        var response = result.Created!;

        Assert.Multiple(() =>
        {
            Assert.That(sent!["source"]!["type"]!.Value<string>(), Is.EqualTo("token"));
            Assert.That(sent["source"]!["token"]!.Value<string>(), Is.EqualTo("tok_x"));
            Assert.That(sent["amount"]!.Value<int>(), Is.EqualTo(100));
            Assert.That(response.Id, Is.EqualTo("pay_1"));
            Assert.That(response.Source, Is.Not.Null.And.Not.TypeOf<PaymentResponseSource>(), "the card subtype is chosen");
        });
    }

    [Test]
    public async Task GetPaymentDetails_IdNeedingEscaping_IsEscapedInThePath()
    {
        _handler.Expect(HttpMethod.Get, "https://api.sandbox.checkout.com/payments/pay_a%2Fb%20c")
            .Respond("application/json", """{"id":"pay_a/b c","status":"Captured"}""");

        var payment = await new PaymentsClient(Http("https://api.sandbox.checkout.com/")).GetPaymentDetailsAsync("pay_a/b c");

        Assert.That(payment.Id, Is.EqualTo("pay_a/b c"));
    }

    [Test]
    public async Task GetDisputes_QueryParameters_AreSentAndNullsOmitted()
    {
        _handler.Expect(HttpMethod.Get, "https://api.sandbox.checkout.com/disputes")
            .WithExactQueryString("limit=10&skip=5&payment_id=pay_x&this_channel_only=true")
            .Respond("application/json", """{"limit":10,"skip":5,"total_count":0,"data":[]}""");

        var page = await new DisputesClient(Http("https://api.sandbox.checkout.com/")).GetDisputesAsync(new GetDisputesQuery { Limit = 10, Skip = 5, PaymentId = "pay_x", ThisChannelOnly = true });

        Assert.That(page.TotalCount, Is.EqualTo(0));
    }

    /// <remarks>Found through the catalog (not named), so the suite compiles against every spec release.</remarks>
    [Test]
    public async Task FileRetrievalOnTheFilesHost_UsesTheRealPath_AndIsTaggedWithItsOperation()
    {
        var expected = CheckoutOperationCatalog.All.SingleOrDefault(o => o.Host == "files" && o.Method == "GET" && o.PathTemplate.Count(c => c == '{') == 1);
        Assume.That(expected, Is.Not.Null, "this spec release has no file retrieval on the files host");
        var method = typeof(CheckoutOperation).Assembly.GetExportedTypes().Where(t => t.IsClass)
            .SelectMany(t => t.GetMethods()).Single(m => m.GetCustomAttribute<CheckoutOperationAttribute>()?.OperationId == expected!.Id);
        var path = System.Text.RegularExpressions.Regex.Replace(expected!.PathTemplate, @"\{[^}]+\}", "file_1");
        CheckoutOperation? tagged = null;
        _handler.Expect(HttpMethod.Get, "https://files.sandbox.checkout.com" + path)
            .With(r => (tagged = CheckoutOperationCatalog.Of(r)) is not null)
            .Respond("application/json", """{"id":"file_1"}""");

        var client = Activator.CreateInstance(method.DeclaringType!, Http("https://files.sandbox.checkout.com/"))!;
        await (Task)method.Invoke(client, new object?[] { "file_1", null, System.Threading.CancellationToken.None })!;

        Assert.That(path, Is.EqualTo("/files/file_1"));
        Assert.That(tagged, Is.SameAs(expected));
    }
}
