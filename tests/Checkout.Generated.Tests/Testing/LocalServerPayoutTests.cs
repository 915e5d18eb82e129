using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Testing;

/// <summary>Payouts on the local server, on the wire: spec-shaped ones are 202 Pending, then paid or declined; incomplete ones are 422.</summary>
[Category("LocalServer")]
public sealed class LocalServerPayoutTests
{
    private static readonly ExampleComposer Composer = new();

    /// <summary>The spec's own card payout example (a <c>source</c>, a card <c>destination</c>), with the test's amount.</summary>
    private static JObject Payout(long amount)
    {
        var create = LocalServerSession.Require("POST", "/payments");
        var example = Composer.RequestExamples(create.Id).FirstOrDefault(e => e.FromMediaType && (string?)e.Value["destination"]?["type"] == "card" && e.Value["source"] is JObject)
            ?? throw new IgnoreException($"this spec release ({CheckoutOperationCatalog.Spec}) documents no card payout example");
        var body = (JObject)example.Value.DeepClone();
        body["amount"] = amount;
        body["reference"] = "payout-" + Guid.NewGuid().ToString("N")[..8];
        return body;
    }

    private static async Task<string> CreateAsync(LocalServerSession session, JObject body)
    {
        var (status, answer) = await session.SendAsync(HttpMethod.Post, "payments", body);
        Assert.That((status, (string?)answer["status"]), Is.EqualTo((HttpStatusCode.Accepted, "Pending")), answer.ToString());
        return (string)answer["id"]!;
    }

    [Test]
    public async Task Payout_SpecShaped_Is202PendingThenPaidOnceSettled()
    {
        var body = Payout(CheckoutTestAmounts.Approved);
        await using var session = await LocalServerSession.StartAsync();

        var id = await CreateAsync(session, body);
        var before = await session.SendAsync(HttpMethod.Get, "payments/" + id);
        await session.WebhookTypesAsync(id, 1);
        session.Clock.Advance(session.Server.Options.SettlementDelay);
        var webhooks = await session.WebhookTypesAsync(id, 2);
        var after = await session.SendAsync(HttpMethod.Get, "payments/" + id);

        Assert.Multiple(() =>
        {
            Assert.That(((string?)before.Body["status"], (bool?)before.Body["approved"]), Is.EqualTo(("Pending", false)));
            Assert.That(((string?)after.Body["status"], (bool?)after.Body["approved"]), Is.EqualTo(("Paid", true)));
            Assert.That(webhooks[0], Is.EqualTo("payment_pending"));
            Assert.That(webhooks[1], Is.EqualTo(CheckoutEventCatalog.EventTypes.Contains("payment_paid") ? "payment_paid" : "payment_approved"));
        });
    }

    [Test]
    public async Task Payout_DecliningAmount_IsDeclinedOnceSettled()
    {
        var body = Payout(CheckoutTestAmounts.DeclinedDoNotHonour);
        await using var session = await LocalServerSession.StartAsync();

        var id = await CreateAsync(session, body);
        await session.WebhookTypesAsync(id, 1);
        session.Clock.Advance(session.Server.Options.SettlementDelay);
        var webhooks = await session.WebhookTypesAsync(id, 2);
        var after = await session.SendAsync(HttpMethod.Get, "payments/" + id);

        Assert.Multiple(() =>
        {
            Assert.That(((string?)after.Body["status"], (bool?)after.Body["approved"], (string?)after.Body["response_code"]), Is.EqualTo(("Declined", false, "20005")));
            Assert.That(webhooks, Is.EqualTo(new[] { "payment_pending", "payment_declined" }));
        });
    }

    [Test]
    public async Task Payout_BeforeTheSettlementDelay_StaysPending()
    {
        var body = Payout(CheckoutTestAmounts.Approved);
        await using var session = await LocalServerSession.StartAsync();

        var id = await CreateAsync(session, body);
        session.Clock.Advance(session.Server.Options.SettlementDelay - TimeSpan.FromMilliseconds(1));
        var details = await session.SendAsync(HttpMethod.Get, "payments/" + id);

        Assert.That((string?)details.Body["status"], Is.EqualTo("Pending"));
    }

    [TestCase("source")]
    [TestCase("destination")]
    [TestCase("currency")]
    public async Task Payout_WithoutARequiredField_Is422WithThatFieldsErrorCode(string field)
    {
        var body = Payout(CheckoutTestAmounts.Approved);
        body.Remove(field);
        await using var session = await LocalServerSession.StartAsync();

        var (status, answer) = await session.SendAsync(HttpMethod.Post, "payments", body);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That((string?)answer["error_type"], Is.EqualTo("request_invalid"));
            Assert.That(answer["error_codes"]!.Select(c => (string?)c), Does.Contain(field + "_required"));
            Assert.That(session.Server.Payments.Created, Is.Empty);
        });
    }
}
