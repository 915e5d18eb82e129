using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Microsoft.AspNetCore.WebUtilities;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Testing;

/// <summary>3DS on the local server, on the wire: the 202's redirect link is a challenge page whose outcome ends the payment.</summary>
[Category("LocalServer")]
public sealed class LocalServerThreeDsTests
{
    [SetUp]
    public void RequirePayments() => LocalServerSession.Require("POST", "/payments");

    [Test]
    public async Task RedirectLink_Get_ServesAChallengeFormWithAuthenticateAndFail()
    {
        await using var session = await LocalServerSession.StartAsync();
        var (_, pending) = await session.SendAsync(HttpMethod.Post, "payments", LocalServerSession.CardPayment(1000, threeDs: true));

        using var page = await session.Http.GetAsync((string)pending["_links"]!["redirect"]!["href"]!);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("<form method=\"post\">").And.Contain("value=\"authenticate\"").And.Contain("value=\"fail\"").And.Contain("10.00 GBP"));
        });
    }

    [Test]
    public async Task Challenge_Authenticated_RedirectsToSuccessUrlWithSessionAndPaymentIsAuthorized()
    {
        LocalServerSession.RequireEventTypes("payment_pending", "payment_approved", "payment_captured");
        await using var session = await LocalServerSession.StartAsync();
        var (status, pending) = await session.SendAsync(HttpMethod.Post, "payments", LocalServerSession.CardPayment(1000, threeDs: true));
        var id = (string)pending["id"]!;
        var before = await session.SendAsync(HttpMethod.Get, "payments/" + id);

        var (redirect, location) = await session.ChallengeAsync(new Uri((string)pending["_links"]!["redirect"]!["href"]!), "authenticate");
        var sessionId = QueryHelpers.ParseQuery(location!.Query)["cko-session-id"].ToString();
        var after = await session.SendAsync(HttpMethod.Get, "payments/" + id);
        var bySession = await session.SendAsync(HttpMethod.Get, "payments/" + sessionId);
        var capture = await session.SendAsync(HttpMethod.Post, $"payments/{id}/captures", new());
        var webhooks = await session.WebhookTypesAsync(id, 3);

        Assert.Multiple(() =>
        {
            Assert.That((status, (string?)pending["status"], (bool?)pending["approved"]), Is.EqualTo((HttpStatusCode.Accepted, "Pending", false)));
            Assert.That(((string?)before.Body["status"], (bool?)before.Body["approved"]), Is.EqualTo(("Pending", false)));
            Assert.That(redirect, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(location.GetLeftPart(UriPartial.Path), Is.EqualTo("http://127.0.0.1:1/shop/success"));
            Assert.That(sessionId, Does.StartWith("sid_"));
            Assert.That(((string?)after.Body["status"], (bool?)after.Body["approved"], (string?)after.Body["response_code"]), Is.EqualTo(("Authorized", true, "10000")));
            Assert.That((string?)bySession.Body["id"], Is.EqualTo(id));
            Assert.That(capture.Status, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(webhooks, Is.EqualTo(new[] { "payment_pending", "payment_approved", "payment_captured" }));
        });
    }

    [Test]
    public async Task Challenge_Failed_RedirectsToFailureUrlAndPaymentIsDeclined()
    {
        LocalServerSession.RequireEventTypes("payment_pending", "payment_declined");
        await using var session = await LocalServerSession.StartAsync();
        var (_, pending) = await session.SendAsync(HttpMethod.Post, "payments", LocalServerSession.CardPayment(1000, threeDs: true));
        var id = (string)pending["id"]!;

        var (redirect, location) = await session.ChallengeAsync(new Uri((string)pending["_links"]!["redirect"]!["href"]!), "fail");
        var after = await session.SendAsync(HttpMethod.Get, "payments/" + id);
        var capture = await session.SendAsync(HttpMethod.Post, $"payments/{id}/captures", new());
        var webhooks = await session.WebhookTypesAsync(id, 2);

        Assert.Multiple(() =>
        {
            Assert.That(redirect, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(location!.GetLeftPart(UriPartial.Path), Is.EqualTo("http://127.0.0.1:1/shop/failure"));
            Assert.That(location.Query, Does.Contain("cko-session-id=sid_"));
            Assert.That(((string?)after.Body["status"], (bool?)after.Body["approved"], (string?)after.Body["response_code"]), Is.EqualTo(("Declined", false, "20151")));
            Assert.That(capture.Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(webhooks, Is.EqualTo(new[] { "payment_pending", "payment_declined" }));
        });
    }

    [Test]
    public async Task Challenge_AuthenticatedWithADecliningAmount_IsDeclinedWithTheAmountsCode()
    {
        await using var session = await LocalServerSession.StartAsync();
        var (_, pending) = await session.SendAsync(HttpMethod.Post, "payments", LocalServerSession.CardPayment(CheckoutTestAmounts.DeclinedInsufficientFunds, threeDs: true));

        var (_, location) = await session.ChallengeAsync(new Uri((string)pending["_links"]!["redirect"]!["href"]!), "authenticate");
        var after = await session.SendAsync(HttpMethod.Get, "payments/" + (string)pending["id"]!);

        Assert.That((location!.AbsolutePath, (string?)after.Body["status"], (string?)after.Body["response_code"]), Is.EqualTo(("/shop/failure", "Declined", "20051")));
    }

    [Test]
    public async Task Challenge_PostedTwice_ChangesNothingTheSecondTime()
    {
        await using var session = await LocalServerSession.StartAsync();
        var (_, pending) = await session.SendAsync(HttpMethod.Post, "payments", LocalServerSession.CardPayment(1000, threeDs: true));
        var challenge = new Uri((string)pending["_links"]!["redirect"]!["href"]!);

        await session.ChallengeAsync(challenge, "authenticate");
        var (_, second) = await session.ChallengeAsync(challenge, "fail");
        var after = await session.SendAsync(HttpMethod.Get, "payments/" + (string)pending["id"]!);

        Assert.That((second!.AbsolutePath, (string?)after.Body["status"]), Is.EqualTo(("/shop/success", "Authorized")));
    }

    [Test]
    public async Task RedirectLink_UnknownPayment_Is404()
    {
        await using var session = await LocalServerSession.StartAsync();

        using var page = await session.Http.GetAsync("3ds/pay_unknown");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
