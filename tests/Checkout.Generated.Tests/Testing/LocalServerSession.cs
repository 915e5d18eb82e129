using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Checkout.Generated.Tests.Webhooks;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Testing;

/// <summary>A local server on a fake clock with a loopback webhook receiver, and raw HTTP to its api host (secret key).</summary>
internal sealed class LocalServerSession : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private LocalServerSession(CheckoutMockServer server, LoopbackReceiver receiver, FakeTimeProvider clock)
    {
        Server = server;
        Receiver = receiver;
        Clock = clock;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = server.BaseAddresses["api"] };
    }

    public CheckoutMockServer Server { get; }

    public LoopbackReceiver Receiver { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Http { get; }

    public static async Task<LocalServerSession> StartAsync()
    {
        var receiver = await LoopbackReceiver.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions
        {
            TimeProvider = clock, Webhooks = { Url = receiver.Url, RetryDelay = TimeSpan.Zero },
        });
        var session = new LocalServerSession(server, receiver, clock);
        // An OAuth token of the default client (every scope): some operations (evidence submission) take no secret key.
        using var token = await session.Http.PostAsync(server.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = CheckoutMockServerOptions.DefaultClientId, ["client_secret"] = CheckoutMockServerOptions.DefaultClientSecret,
        }));
        var accessToken = (string?)JObject.Parse(await token.Content.ReadAsStringAsync())["access_token"] ?? throw new InvalidOperationException("The local server issued no token.");
        session.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return session;
    }

    /// <summary>The catalog operation at this method and path template, or the test is ignored for this spec release.</summary>
    public static CheckoutOperation Require(string method, string template) =>
        CheckoutOperationCatalog.All.FirstOrDefault(o => o.Method == method && o.PathTemplate == template && o.Host == "api")
        ?? throw new IgnoreException($"this spec release ({CheckoutOperationCatalog.Spec}) has no {method} {template}");

    public static void RequireEventTypes(params string[] types)
    {
        var missing = types.Where(t => !CheckoutEventCatalog.EventTypes.Contains(t)).ToList();
        if (missing.Count > 0) Assert.Ignore($"The spec ({CheckoutOperationCatalog.Spec}) does not name the event(s) {string.Join(", ", missing)}.");
    }

    /// <summary>A card payment of <paramref name="amount"/> with <see cref="CheckoutTestCards.ApprovedVisa"/> (3DS asked for when <paramref name="threeDs"/>).</summary>
    public static JObject CardPayment(long amount, bool threeDs = false, string card = CheckoutTestCards.ApprovedVisa)
    {
        var body = new JObject
        {
            ["source"] = new JObject { ["type"] = "card", ["number"] = card, ["expiry_month"] = 12, ["expiry_year"] = DateTime.UtcNow.Year + 2, ["cvv"] = "100" },
            ["amount"] = amount, ["currency"] = "GBP", ["reference"] = "flow-" + Guid.NewGuid().ToString("N")[..8], ["capture"] = false,
            ["success_url"] = "http://127.0.0.1:1/shop/success", ["failure_url"] = "http://127.0.0.1:1/shop/failure",
        };
        if (threeDs) body["3ds"] = new JObject { ["enabled"] = true };
        return body;
    }

    public async Task<(HttpStatusCode Status, JObject Body)> SendAsync(HttpMethod method, string path, JObject? body = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null) request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JObject() : JToken.Parse(text) as JObject ?? new JObject { ["items"] = JToken.Parse(text) });
    }

    /// <summary>Posts the 3DS challenge form as the shopper's browser would; returns the status and the <c>Location</c> it sends the browser to.</summary>
    public async Task<(HttpStatusCode Status, Uri? Location)> ChallengeAsync(Uri challenge, string outcome)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = outcome });
        using var response = await Http.PostAsync(challenge, form);
        return (response.StatusCode, response.Headers.Location);
    }

    public async Task<IReadOnlyList<string>> WebhookTypesAsync(string subjectId, int count)
    {
        var sent = await Server.WaitForWebhooksAsync(subjectId, count).WaitAsync(Patience);
        Assert.That(sent.All(w => w.Delivered), Is.True, string.Join("; ", sent));
        return sent.Select(w => w.EventType).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
