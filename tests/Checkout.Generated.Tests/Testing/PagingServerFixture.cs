using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Checkout.Generated.Tests.Releases;
using static Checkout.Generated.Tests.Testing.PagingFixture;

namespace Checkout.Generated.Tests.Testing;

/// <summary>
/// One local server per fixture, a client factory configured for it, and the items the paging tests create over HTTP:
/// payments listed by reference (offset paging) and the financial actions of a payment (token paging; the server issues
/// opaque tokens).
/// </summary>
public abstract class PagingServerFixture
{
    protected CheckoutMockServer Server { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    private CheckoutClientFactory _factory = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        Server = await CheckoutMockServer.StartAsync();
        Http = new HttpClient { BaseAddress = Server.BaseAddresses["api"] };
        Http.DefaultRequestHeaders.Authorization = TestPlatform.SecretKeyHeader(Server.Options.SecretKeys[0]);
        _factory = new CheckoutClientFactory(Server.Configure(new CheckoutOptions()));
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _factory.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>Calls the enumerator as a user would, named arguments by parameter name; the rest keep their defaults.</summary>
    protected IAsyncEnumerable<object> Enumerate(CheckoutOperation operation, MethodInfo method, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken = default)
    {
        var client = typeof(ICheckoutClient).GetProperty(operation.Tag)!.GetValue(_factory.Create<ICheckoutClient>())!;
        return EnumerateOn(client, method, arguments, cancellationToken);
    }

    private async Task<JObject> PostAsync(string path, JObject body)
    {
        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(path, content);
        Assert.That(response.IsSuccessStatusCode, Is.True, $"POST {path}: {(int)response.StatusCode}");
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    protected async Task<string> CreatePaymentAsync(long amount, string reference)
    {
        var create = CheckoutOperationCatalog.All.FirstOrDefault(o => o.Method == "POST" && o.PathTemplate == "/payments")
            ?? throw new IgnoreException("this spec release has no POST /payments");
        var body = (JObject)Composer.RequestExamples(create.Id).First(e => e.FromMediaType && e.Value["source"] is not null).Value.DeepClone();
        body["amount"] = amount;
        body["reference"] = reference;
        body["capture"] = false;
        body.Remove("3ds");
        return (string)(await PostAsync("payments", body))["id"]!;
    }

    /// <summary>A payment with a capture and <paramref name="refunds"/> partial refunds: its action ids, in order.</summary>
    protected async Task<(string PaymentId, List<string> ActionIds)> PaymentWithActionsAsync(int refunds)
    {
        var id = await CreatePaymentAsync(10000, "paging-" + Guid.NewGuid().ToString("N"));
        await PostAsync($"payments/{id}/captures", new JObject { ["amount"] = 10000 });
        for (var i = 0; i < refunds; i++) await PostAsync($"payments/{id}/refunds", new JObject { ["amount"] = 100 });
        using var actions = await Http.GetAsync($"payments/{id}/actions");
        var ids = JArray.Parse(await actions.Content.ReadAsStringAsync()).Select(a => (string)a["id"]!).ToList();
        Assert.That(ids, Has.Count.EqualTo(refunds + 2), "authorisation, capture and refunds");
        return (id, ids);
    }
}
