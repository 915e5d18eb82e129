using Checkout.Generated.Models;
using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Testing;

/// <summary>The local server behaves as Checkout does where failures matter: idempotency keys, declines, 3DS, payouts, lists, faults.</summary>
[TestFixture]
[Category("Reliability")]
public sealed class CheckoutMockServerBehaviourTests
{
    private static readonly ExampleComposer Composer = new();
    private CheckoutMockServer _server = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await CheckoutMockServer.StartAsync();
        _http = new HttpClient { BaseAddress = _server.BaseAddresses["api"] };
        _http.DefaultRequestHeaders.Authorization = TestPlatform.SecretKeyHeader(_server.Options.SecretKeys[0]);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private static CheckoutOperation Create() =>
        CheckoutOperationCatalog.All.FirstOrDefault(o => o.Method == "POST" && o.PathTemplate == "/payments" && o.Host == "api")
        ?? throw new IgnoreException("this spec release has no POST /payments");

    /// <summary>The spec's own card payment example, with the amount and reference of the test.</summary>
    private static JObject Payment(long amount, string reference)
    {
        var body = (JObject)Composer.RequestExamples(Create().Id).First(e => e.FromMediaType && e.Value["source"] is not null).Value.DeepClone();
        body["amount"] = amount;
        body["reference"] = reference;
        body.Remove("3ds");
        return body;
    }

    private async Task<(HttpStatusCode Status, JObject Body)> PostAsync(JObject body, string? key = null, string path = "payments")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Add("Cko-Idempotency-Key", key);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JObject() : JObject.Parse(text));
    }

    private async Task<JObject> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    private int PaymentsWithReference(string reference) => _server.Payments.Created.Count(p => p.Reference == reference);

    [Test]
    public async Task RequestPayment_SameKeySameBody_ReplaysTheOriginalAnswerWithoutCreatingAnything()
    {
        var reference = "replay-" + Guid.NewGuid().ToString("N");
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(Payment(1000, reference), key);
        var second = await PostAsync(Payment(1000, reference), key);

        Assert.Multiple(() =>
        {
            Assert.That(second.Status, Is.EqualTo(first.Status).And.EqualTo(HttpStatusCode.Created));
            Assert.That(JToken.DeepEquals(second.Body, first.Body), Is.True, "the same body, the same payment id");
            Assert.That(PaymentsWithReference(reference), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RequestPayment_SameKeyOtherBody_Returns409Conflict()
    {
        var reference = "conflict-" + Guid.NewGuid().ToString("N");
        var key = Guid.NewGuid().ToString();

        await PostAsync(Payment(1000, reference), key);
        var reused = await PostAsync(Payment(2000, reference), key);

        Assert.Multiple(() =>
        {
            Assert.That(reused.Status, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string?)reused.Body["error_type"], Is.EqualTo("request_conflict"));
            Assert.That(PaymentsWithReference(reference), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RequestPayment_KeyOfARefusedRequest_CanBeUsedAgain()
    {
        var reference = "refused-" + Guid.NewGuid().ToString("N");
        var key = Guid.NewGuid().ToString();
        var invalid = Payment(1000, reference);
        invalid.Remove("currency");

        var refused = await PostAsync(invalid, key);
        var accepted = await PostAsync(Payment(1000, reference), key);

        Assert.That((refused.Status, accepted.Status), Is.EqualTo((HttpStatusCode.UnprocessableEntity, HttpStatusCode.Created)));
    }

    [TestCase(CheckoutTestAmounts.DeclinedDoNotHonour, "20005", "Declined - Do not honour")]
    [TestCase(CheckoutTestAmounts.DeclinedInsufficientFunds, "20051", "Insufficient funds")]
    [TestCase(CheckoutTestAmounts.DeclinedBadTrackData, "20087", "Bad track data")]
    [TestCase(2033, "30033", "Expired card - Pick up")]
    public async Task RequestPayment_AmountEndingInADeclineCode_IsDeclinedWithThatCode(long amount, string code, string summary)
    {
        using var factory = new CheckoutClientFactory(_server.Configure(new CheckoutOptions()));

        var payment = (await factory.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(CheckoutJson.Deserialize<PaymentRequest>(Payment(amount, "decline-" + code).ToString())!)).Created!;

        Assert.That((payment.Approved, payment.Status?.ToString(), payment.ResponseCode, payment.ResponseSummary), Is.EqualTo((false, "Declined", code, summary)));
    }

    [Test]
    public async Task RequestPayment_AmountEndingIn00_IsApproved()
    {
        using var factory = new CheckoutClientFactory(_server.Configure(new CheckoutOptions()));

        var payment = (await factory.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(CheckoutJson.Deserialize<PaymentRequest>(Payment(10000, "approved").ToString())!)).Created!;

        Assert.That((payment.Approved, payment.Status?.ToString(), payment.ResponseCode), Is.EqualTo((true, "Authorized", "10000")));
    }

    [Test]
    public async Task RequestPayment_3dsEnabled_Answers202PendingWithRedirectThenDetailsShowPending()
    {
        var body = Payment(1000, "3ds-" + Guid.NewGuid().ToString("N"));
        var threeDs = (JObject)Composer.RequestExamples(Create().Id).First(e => e.FromMediaType && e.Value["3ds"] is JObject).Value["3ds"]!.DeepClone();
        threeDs["enabled"] = true;
        foreach (var authenticated in new[] { "eci", "cryptogram", "xid" }) threeDs.Remove(authenticated);
        body["3ds"] = threeDs;

        var (status, answer) = await PostAsync(body);
        var details = await GetAsync("payments/" + (string?)answer["id"]);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((string?)answer["status"], Is.EqualTo("Pending"));
            Assert.That((string?)answer["_links"]?["redirect"]?["href"], Does.StartWith("http://127.0.0.1:"));
            Assert.That((string?)details["status"], Is.EqualTo("Pending"));
        });
    }

    [Test]
    public async Task ListPayments_ByReference_ReturnsThePaymentsCreatedWithIt()
    {
        if (!CheckoutOperationCatalog.All.Any(o => o.Method == "GET" && o.PathTemplate == "/payments"))
            Assert.Ignore("this spec release has no GET /payments");
        var reference = "list-" + Guid.NewGuid().ToString("N");
        var created = new[] { await PostAsync(Payment(1000, reference)), await PostAsync(Payment(2000, reference)) };
        await PostAsync(Payment(3000, "other-" + reference));

        var list = await GetAsync("payments?reference=" + reference);

        Assert.Multiple(() =>
        {
            Assert.That((int?)list["total_count"], Is.EqualTo(2));
            Assert.That(((JArray)list["data"]!).Select(p => (string?)p["id"]), Is.EquivalentTo(created.Select(c => (string?)c.Body["id"])));
            Assert.That(((JArray)list["data"]!).Select(p => (string?)p["reference"]).Distinct(), Is.EqualTo(new[] { reference }));
        });
    }

    [Test]
    public async Task RequestPayment_ResetAfterProcessing_ClientRetriesWithTheSameKeyAndGetsTheOnePayment()
    {
        await using var server = await CheckoutMockServer.StartAsync();
        var fault = new CheckoutMockFault { OperationId = Create().Id, ResetAfterProcessing = true };
        server.InjectFault(fault);
        using var factory = new CheckoutClientFactory(server.Configure(new CheckoutOptions { Resilience = { BaseDelay = TimeSpan.Zero } }));

        var payment = (await factory.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(CheckoutJson.Deserialize<PaymentRequest>(Payment(1000, "reset-after").ToString())!)).Created!;

        Assert.Multiple(() =>
        {
            Assert.That(fault.Injected, Is.EqualTo(1));
            Assert.That(server.RequestCount(Create().Id), Is.EqualTo(2), "the answer was lost once, then replayed");
            Assert.That(server.Payments.Created.Select(p => p.Id), Is.EqualTo(new[] { payment.Id }), "one payment, the one the caller got");
        });
    }

    [Test]
    public async Task RequestPayment_ResetBeforeProcessing_ClientRetriesAndCreatesOnePayment()
    {
        await using var server = await CheckoutMockServer.StartAsync();
        var fault = new CheckoutMockFault { OperationId = Create().Id, ResetBeforeProcessing = true, Times = 2 };
        server.InjectFault(fault);
        using var factory = new CheckoutClientFactory(server.Configure(new CheckoutOptions { Resilience = { BaseDelay = TimeSpan.Zero } }));

        var payment = (await factory.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(CheckoutJson.Deserialize<PaymentRequest>(Payment(1000, "reset-before").ToString())!)).Created!;

        Assert.That((fault.Injected, server.Payments.Created.Count, server.Payments.Created[0].Id), Is.EqualTo((2, 1, payment.Id)));
    }

    [Test]
    public async Task InjectFault_WithProbability_AppliesToAboutThatShareAndCountsIt()
    {
        await using var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions { FaultSeed = 7 });
        var details = CheckoutOperationCatalog.All.First(o => o.Method == "GET" && o.PathTemplate == "/payments/{id}" && o.Host == "api");
        var fault = new CheckoutMockFault { OperationId = details.Id, StatusCode = 503, Probability = 0.3, Times = int.MaxValue };
        server.InjectFault(fault);
        using var http = new HttpClient { BaseAddress = server.BaseAddresses["api"] };
        http.DefaultRequestHeaders.Authorization = TestPlatform.SecretKeyHeader(server.Options.SecretKeys[0]);

        var statuses = new int[200];
        for (var i = 0; i < statuses.Length; i++)
        {
            using var response = await http.GetAsync("payments/pay_missing");
            statuses[i] = (int)response.StatusCode;
        }

        var unavailable = statuses.Count(s => s == 503);
        TestContext.Out.WriteLine($"{unavailable} of {statuses.Length} answered 503; {fault}");
        Assert.Multiple(() =>
        {
            Assert.That(unavailable, Is.EqualTo(fault.Injected));
            Assert.That(unavailable, Is.InRange(30, 90), "about 30% of 200");
            Assert.That(statuses.Count(s => s == 404), Is.EqualTo(statuses.Length - unavailable));
        });
    }
}
