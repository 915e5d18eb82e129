using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Testing;

/// <summary>The local server's token endpoint and the credentials it refuses: a wrong secret, a scope not granted, no credential, a token too narrow or expired.</summary>
[Category("Contract")]
public class CheckoutMockServerAuthTests : CheckoutMockServerFixture
{
    [Test]
    public async Task TokenEndpoint_WrongSecret_Returns401InvalidClient()
    {
        TestPlatform.RequireOAuth();
        using var response = await RequestTokenAsync(CheckoutMockServerOptions.DefaultClientId, "not-the-secret", "gateway");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((string?)JObject.Parse(await response.Content.ReadAsStringAsync())["error"], Is.EqualTo("invalid_client"));
    }

    [Test]
    public async Task TokenEndpoint_ScopeNotGranted_Returns400InvalidScope()
    {
        TestPlatform.RequireOAuth();
        await using var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions
        {
            Clients = { new CheckoutMockClient { ClientId = "ack_narrow", ClientSecret = "s", GrantedScopes = { "vault" } } },
        });

        using var response = await RequestTokenAsync("ack_narrow", "s", "gateway", server);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)JObject.Parse(await response.Content.ReadAsStringAsync())["error"], Is.EqualTo("invalid_scope"));
    }

    [Test]
    public async Task TokenEndpoint_GrantedScope_ReturnsJwtShapedTokenWithExpiry()
    {
        TestPlatform.RequireOAuth();
        using var response = await RequestTokenAsync(CheckoutMockServerOptions.DefaultClientId, CheckoutMockServerOptions.DefaultClientSecret, "gateway");
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(((string?)body["access_token"])!.Split('.'), Has.Length.EqualTo(3));
        Assert.That((long)body["expires_in"]!, Is.EqualTo((long)Server.Options.TokenLifetime.TotalSeconds));
    }

    [Test]
    public async Task Operation_WithoutAuthorization_Returns401()
    {
        var operation = PaymentOperation("POST", "/payments");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Server.BaseAddresses["api"], "payments")) { Content = Json(RequestExample(operation.Id)) };

        using var response = await Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Operation_TokenScopeDoesNotAllowIt_Returns401()
    {
        TestPlatform.RequireOAuth();
        var operation = PaymentOperation("POST", "/payments");
        var otherScope = CheckoutOperationCatalog.KnownScopes.First(s => !operation.Scopes.Contains(s) && !operation.Scopes.Any(o => s.StartsWith(o + ":", StringComparison.Ordinal)));
        var token = await TokenAsync(otherScope);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Server.BaseAddresses["api"], "payments")) { Content = Json(RequestExample(operation.Id)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"a token for '{otherScope}' must not allow {operation}");
    }

    [Test]
    public async Task Operation_TokenPastItsExpiry_Returns401()
    {
        TestPlatform.RequireOAuth();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions { TimeProvider = clock, Lifetime = null });
        var operation = PaymentOperation("GET", "/payments/{id}");
        var token = await TokenAsync(operation.Scopes[0], server);
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddresses["api"], "payments/pay_unknown"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }

        using var live = await Http.SendAsync(Request());
        clock.Advance(server.Options.TokenLifetime);
        using var expired = await Http.SendAsync(Request());

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a live token reaches the (unknown) payment");
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private async Task<HttpResponseMessage> RequestTokenAsync(string id, string secret, string scope, CheckoutMockServer? server = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, (server ?? Server).TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = scope }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret)));
        return await Http.SendAsync(request);
    }
}
