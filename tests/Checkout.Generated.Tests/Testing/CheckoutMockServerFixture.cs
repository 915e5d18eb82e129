using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Testing;

/// <summary>One local server per fixture, raw HTTP to it, and the spec's examples and operations the server tests send.</summary>
public abstract class CheckoutMockServerFixture
{
    private protected static readonly ExampleComposer Composer = new();

    protected CheckoutMockServer Server { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        Server = await CheckoutMockServer.StartAsync();
        Http = new HttpClient();
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    protected static CheckoutOperation PaymentOperation(string method, string template) =>
        CheckoutOperationCatalog.All.Single(o => o.Method == method && o.PathTemplate == template && o.Host == "api");

    protected static JToken RequestExample(string operationId) => Composer.RequestExamples(operationId).First(e => e.FromMediaType).Value;

    protected static StringContent Json(JToken body) => new(body.ToString(), Encoding.UTF8, "application/json");

    /// <summary>An access token of the default client (every scope) for <paramref name="scope"/>, issued by <paramref name="server"/>.</summary>
    protected static async Task<string> TokenAsync(string scope, CheckoutMockServer server)
    {
        using var http = new HttpClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = scope });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(CheckoutMockServerOptions.DefaultClientId + ":" + CheckoutMockServerOptions.DefaultClientSecret)));
        using var response = await http.PostAsync(server.TokenEndpoint, content);
        response.EnsureSuccessStatusCode();
        return (string)JObject.Parse(await response.Content.ReadAsStringAsync())["access_token"]!;
    }

    protected Task<string> TokenAsync(string scope) => TokenAsync(scope, Server);
}
