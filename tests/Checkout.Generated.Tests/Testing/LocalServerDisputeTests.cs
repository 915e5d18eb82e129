using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Testing;

/// <summary>Disputes on the local server, on the wire: raised by the documented amount once captured, moved on by evidence, listed.</summary>
[Category("LocalServer")]
public sealed class LocalServerDisputeTests
{
    private static async Task<(string PaymentId, JObject Dispute)> DisputedPaymentAsync(LocalServerSession session)
    {
        var (_, payment) = await session.SendAsync(HttpMethod.Post, "payments", LocalServerSession.CardPayment(CheckoutTestAmounts.Disputed));
        var id = (string)payment["id"]!;
        await session.SendAsync(HttpMethod.Post, $"payments/{id}/captures", new());
        var (_, list) = await session.SendAsync(HttpMethod.Get, "disputes?payment_id=" + id);
        return (id, (JObject)list["data"]![0]!);
    }

    [SetUp]
    public void RequireDisputes()
    {
        LocalServerSession.Require("POST", "/payments");
        LocalServerSession.Require("GET", "/disputes");
    }

    [Test]
    public async Task Capture_OfTheDisputedAmount_RaisesADisputeNeedingEvidence()
    {
        LocalServerSession.RequireEventTypes("dispute_evidence_required");
        await using var session = await LocalServerSession.StartAsync();

        var (paymentId, dispute) = await DisputedPaymentAsync(session);
        var disputeId = (string)dispute["id"]!;
        var webhooks = await session.WebhookTypesAsync(disputeId, 1);
        var sent = JObject.Parse(session.Server.Webhooks.First(w => w.SubjectId == disputeId).Body);

        Assert.Multiple(() =>
        {
            Assert.That(disputeId, Does.StartWith("dsp_"));
            Assert.That(((string?)dispute["status"], (string?)dispute["payment_id"], (long?)dispute["amount"]), Is.EqualTo(("evidence_required", paymentId, CheckoutTestAmounts.Disputed)));
            Assert.That(webhooks, Is.EqualTo(new[] { "dispute_evidence_required" }));
            Assert.That(((string?)sent["data"]!["payment_id"], (string?)sent["data"]!["status"]), Is.EqualTo((paymentId, "evidence_required")));
        });
    }

    [Test]
    public async Task Capture_OfAnotherAmount_RaisesNoDispute()
    {
        await using var session = await LocalServerSession.StartAsync();
        var (_, payment) = await session.SendAsync(HttpMethod.Post, "payments", LocalServerSession.CardPayment(CheckoutTestAmounts.Disputed + 100));

        await session.SendAsync(HttpMethod.Post, $"payments/{(string)payment["id"]!}/captures", new());
        var (_, list) = await session.SendAsync(HttpMethod.Get, "disputes");

        Assert.Multiple(() =>
        {
            Assert.That((int?)list["total_count"], Is.EqualTo(0));
            Assert.That(session.Server.Disputes.Raised, Is.Empty);
        });
    }

    [Test]
    public async Task Evidence_ProvidedThenSubmitted_IsUnderReviewThenWon()
    {
        LocalServerSession.Require("PUT", "/disputes/{dispute_id}/evidence");
        LocalServerSession.Require("POST", "/disputes/{dispute_id}/evidence");
        LocalServerSession.RequireEventTypes("dispute_evidence_required", "dispute_won");
        await using var session = await LocalServerSession.StartAsync();
        var (_, dispute) = await DisputedPaymentAsync(session);
        var id = (string)dispute["id"]!;

        var provided = await session.SendAsync(HttpMethod.Put, $"disputes/{id}/evidence", new JObject { ["proof_of_delivery_or_service_text"] = "Delivered to the door, signed." });
        var afterProvide = await session.SendAsync(HttpMethod.Get, "disputes/" + id);
        var submitted = await session.SendAsync(HttpMethod.Post, $"disputes/{id}/evidence");
        var afterSubmit = await session.SendAsync(HttpMethod.Get, "disputes/" + id);
        session.Clock.Advance(session.Server.Options.SettlementDelay);
        var webhooks = await session.WebhookTypesAsync(id, CheckoutEventCatalog.EventTypes.Contains("dispute_evidence_submitted") ? 3 : 2);
        var afterReview = await session.SendAsync(HttpMethod.Get, "disputes/" + id);
        var evidence = await session.SendAsync(HttpMethod.Get, $"disputes/{id}/evidence");

        Assert.Multiple(() =>
        {
            Assert.That((provided.Status, submitted.Status), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.NoContent)));
            Assert.That((string?)afterProvide.Body["status"], Is.EqualTo("evidence_required"));
            Assert.That((string?)afterSubmit.Body["status"], Is.EqualTo("evidence_under_review"));
            Assert.That((string?)afterReview.Body["status"], Is.EqualTo("won"));
            Assert.That((string?)evidence.Body["proof_of_delivery_or_service_text"], Is.EqualTo("Delivered to the door, signed."));
            Assert.That(webhooks[0], Is.EqualTo("dispute_evidence_required"));
            Assert.That(webhooks[^1], Is.EqualTo("dispute_won"));
        });
    }

    [Test]
    public async Task Evidence_SubmittedWithoutAny_Is422AndTheDisputeStillNeedsEvidence()
    {
        LocalServerSession.Require("POST", "/disputes/{dispute_id}/evidence");
        await using var session = await LocalServerSession.StartAsync();
        var (_, dispute) = await DisputedPaymentAsync(session);
        var id = (string)dispute["id"]!;

        var submitted = await session.SendAsync(HttpMethod.Post, $"disputes/{id}/evidence");
        var after = await session.SendAsync(HttpMethod.Get, "disputes/" + id);

        Assert.Multiple(() =>
        {
            Assert.That(submitted.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(submitted.Body["error_codes"]!.Select(c => (string?)c), Is.EqualTo(new[] { "evidence_required" }));
            Assert.That((string?)after.Body["status"], Is.EqualTo("evidence_required"));
        });
    }

    [Test]
    public async Task Dispute_Accepted_IsAcceptedAndTakesNoMoreEvidence()
    {
        LocalServerSession.Require("POST", "/disputes/{dispute_id}/accept");
        LocalServerSession.Require("PUT", "/disputes/{dispute_id}/evidence");
        await using var session = await LocalServerSession.StartAsync();
        var (_, dispute) = await DisputedPaymentAsync(session);
        var id = (string)dispute["id"]!;

        var accepted = await session.SendAsync(HttpMethod.Post, $"disputes/{id}/accept");
        var provided = await session.SendAsync(HttpMethod.Put, $"disputes/{id}/evidence", new JObject { ["invoice_or_receipt_text"] = "too late" });
        var after = await session.SendAsync(HttpMethod.Get, "disputes/" + id);

        Assert.That((accepted.Status, provided.Status, (string?)after.Body["status"]), Is.EqualTo((HttpStatusCode.NoContent, HttpStatusCode.Forbidden, "accepted")));
    }

    [Test]
    public async Task ListDisputes_PagedByLimitAndSkip_CoversEveryDisputeRaisedOnce()
    {
        await using var session = await LocalServerSession.StartAsync();
        for (var i = 0; i < 5; i++) await DisputedPaymentAsync(session);

        var pages = new[]
        {
            (await session.SendAsync(HttpMethod.Get, "disputes?limit=2&skip=0")).Body, (await session.SendAsync(HttpMethod.Get, "disputes?limit=2&skip=2")).Body,
            (await session.SendAsync(HttpMethod.Get, "disputes?limit=2&skip=4")).Body,
        };
        var ids = pages.SelectMany(p => p["data"]!.Select(d => (string?)d["id"])).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(pages.Select(p => (int?)p["total_count"]), Is.All.EqualTo(5));
            Assert.That(pages.Select(p => p["data"]!.Count()), Is.EqualTo(new[] { 2, 2, 1 }));
            Assert.That(ids, Is.EquivalentTo(session.Server.Disputes.Raised.Select(d => d.Id)));
            Assert.That(ids, Is.Unique);
        });
    }
}
