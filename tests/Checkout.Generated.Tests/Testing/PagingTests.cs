using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RichardSzalay.MockHttp;

using Checkout.Generated.Tests.Releases;

namespace Checkout.Generated.Tests.Testing;

/// <summary>
/// The generated list enumerators (PagingRule) against the local server: every item exactly once, one request per page,
/// a stop on the last page, and cancellation. The lists are found by their paging marks in the spec, the items created
/// over HTTP: offset paging through the payments listed by reference, token paging through the financial actions of a
/// payment (the server issues opaque tokens).
/// </summary>
[TestFixture]
[Category("Contract")]
public sealed class PagingTests
{
    private static readonly ExampleComposer Composer = new();
    private CheckoutMockServer _server = null!;
    private HttpClient _http = null!;
    private CheckoutClientFactory _factory = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await CheckoutMockServer.StartAsync();
        _http = new HttpClient { BaseAddress = _server.BaseAddresses["api"] };
        _http.DefaultRequestHeaders.Authorization = TestPlatform.SecretKeyHeader(_server.Options.SecretKeys[0]);
        _factory = new CheckoutClientFactory(_server.Configure(new CheckoutOptions()));
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _factory.Dispose();
        _http.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>The paged list of this style whose items have all of <paramref name="itemProperties"/>, or an ignore naming what is missing.</summary>
    private static (CheckoutOperation Operation, MethodInfo Enumerator) PagedList(string style, string path, params string[] itemProperties)
    {
        foreach (var operation in CheckoutOperationCatalog.All.Where(o => o.Method == "GET" && o.PathTemplate == path))
        {
            var node = Composer.Operation(operation.Id);
            if ((string?)node["x-checkout-paging"] != style) continue;
            var client = typeof(ICheckoutClient).GetProperty(operation.Tag)!.PropertyType;
            var method = client.GetMethod((string)node["x-checkout-paging-method"]! + "Async")!;
            var item = method.ReturnType.GetGenericArguments()[0];
            if (itemProperties.All(p => item.GetProperty(p) is not null)) return (operation, method);
        }

        throw new IgnoreException($"this spec release has no {style}-paged GET {path} with items carrying {string.Join(", ", itemProperties)}");
    }

    /// <summary>Calls the enumerator as a user would, named arguments by parameter name; the rest keep their defaults.</summary>
    private IAsyncEnumerable<object> Enumerate(CheckoutOperation operation, MethodInfo method, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken = default)
    {
        var client = typeof(ICheckoutClient).GetProperty(operation.Tag)!.GetValue(_factory.Create<ICheckoutClient>());
        var values = method.GetParameters().Select(p =>
            p.ParameterType == typeof(CancellationToken) ? cancellationToken
            : arguments.TryGetValue(p.Name!, out var value) ? value
            : p.DefaultValue is DBNull ? throw new InvalidOperationException($"{method.Name} needs {p.Name}") : p.DefaultValue).ToArray();
        return (IAsyncEnumerable<object>)method.Invoke(client, values)!;
    }

    private static async Task<List<JObject>> AllAsync(IAsyncEnumerable<object> items)
    {
        var all = new List<JObject>();
        await foreach (var item in items) all.Add(JObject.Parse(CheckoutJson.Serialize(item)));
        return all;
    }

    private async Task<JObject> PostAsync(string path, JObject body)
    {
        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path, content);
        Assert.That(response.IsSuccessStatusCode, Is.True, $"POST {path}: {(int)response.StatusCode}");
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<string> CreatePaymentAsync(long amount, string reference)
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
    private async Task<(string PaymentId, List<string> ActionIds)> PaymentWithActionsAsync(int refunds)
    {
        var id = await CreatePaymentAsync(10000, "paging-" + Guid.NewGuid().ToString("N"));
        await PostAsync($"payments/{id}/captures", new JObject { ["amount"] = 10000 });
        for (var i = 0; i < refunds; i++) await PostAsync($"payments/{id}/refunds", new JObject { ["amount"] = 100 });
        using var actions = await _http.GetAsync($"payments/{id}/actions");
        var ids = JArray.Parse(await actions.Content.ReadAsStringAsync()).Select(a => (string)a["id"]!).ToList();
        Assert.That(ids, Has.Count.EqualTo(refunds + 2), "authorisation, capture and refunds");
        return (id, ids);
    }

    [TestCase(7, 3, 3, TestName = "EnumerateOffsetList_SevenItemsInPagesOfThree_WalksThreePagesAndStopsOnTheShortOne")]
    [TestCase(6, 2, 3, TestName = "EnumerateOffsetList_SixItemsInPagesOfTwo_StopsAtTheTotalWithoutAnEmptyPage")]
    public async Task EnumerateOffsetList_ManyPages_YieldsEveryItemOnceWithOneRequestPerPage(int count, int limit, int pages)
    {
        var (operation, method) = PagedList("offset", "/payments", "Id", "Reference");
        var reference = "paging-" + Guid.NewGuid().ToString("N");
        var created = new List<string>();
        for (var i = 0; i < count; i++) created.Add(await CreatePaymentAsync(1000 + i, reference));
        await CreatePaymentAsync(5000, "other-" + reference);
        var before = _server.RequestCount(operation.Id);

        var items = await AllAsync(Enumerate(operation, method, new Dictionary<string, object?> { ["reference"] = reference, ["limit"] = (long?)limit }));

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => (string?)i["id"]), Is.EquivalentTo(created));
            Assert.That(items.Select(i => (string?)i["id"]), Is.Unique);
            Assert.That(_server.RequestCount(operation.Id) - before, Is.EqualTo(pages), "one request per page");
        });
    }

    [TestCase(5, 2, 4, TestName = "EnumerateTokenList_SevenActionsInPagesOfTwo_FollowsServerTokensThroughFourPagesAndStops")]
    [TestCase(2, 2, 2, TestName = "EnumerateTokenList_FourActionsInPagesOfTwo_StopsWhenNoNextTokenComes")]
    public async Task EnumerateTokenList_ManyPages_YieldsEveryItemOnceWithOneRequestPerPage(int refunds, int limit, int pages)
    {
        var (operation, method) = PagedList("token", "/financial-actions", "PaymentId", "ActionId");
        var (paymentId, actionIds) = await PaymentWithActionsAsync(refunds);
        await PaymentWithActionsAsync(1);
        var before = _server.RequestCount(operation.Id);

        var items = await AllAsync(Enumerate(operation, method, new Dictionary<string, object?> { ["paymentId"] = paymentId, ["limit"] = (int?)limit }));

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => (string?)i["action_id"]), Is.EquivalentTo(actionIds));
            Assert.That(items.Select(i => (string?)i["action_id"]), Is.Unique);
            Assert.That(items.Select(i => (string?)i["payment_id"]).Distinct(), Is.EqualTo(new[] { paymentId }));
            Assert.That(_server.RequestCount(operation.Id) - before, Is.EqualTo(pages), "one request per page");
        });
    }

    [Test]
    public async Task EnumerateTokenList_CancelledThroughWithCancellationAfterTheFirstItem_ThrowsAndRequestsNoFurtherPage()
    {
        var (operation, method) = PagedList("token", "/financial-actions", "PaymentId", "ActionId");
        var (paymentId, _) = await PaymentWithActionsAsync(2);
        var before = _server.RequestCount(operation.Id);
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        async Task Walk()
        {
            var items = Enumerate(operation, method, new Dictionary<string, object?> { ["paymentId"] = paymentId, ["limit"] = (int?)2 });
            await foreach (var _ in items.WithCancellation(cancellation.Token))
            {
                seen++;
                cancellation.Cancel();
            }
        }

        Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), Walk);
        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(1), "no item is yielded once cancelled, even from a page already read");
            Assert.That(_server.RequestCount(operation.Id) - before, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task EnumerateOffsetList_CancellationTokenArgumentCancelledAfterTheFirstItem_ThrowsAndRequestsNoFurtherPage()
    {
        var (operation, method) = PagedList("offset", "/payments", "Id", "Reference");
        var reference = "paging-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++) await CreatePaymentAsync(1000 + i, reference);
        var before = _server.RequestCount(operation.Id);
        using var cancellation = new CancellationTokenSource();

        async Task Walk()
        {
            await foreach (var _ in Enumerate(operation, method, new Dictionary<string, object?> { ["reference"] = reference, ["limit"] = (long?)1 }, cancellation.Token))
                cancellation.Cancel();
        }

        Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), Walk);
        Assert.That(_server.RequestCount(operation.Id) - before, Is.EqualTo(1));
    }

    [Test]
    public async Task TokenList_UnknownToken_Is422NamingTheToken()
    {
        var (operation, _) = PagedList("token", "/financial-actions", "PaymentId", "ActionId");
        var cursor = (string)Composer.Operation(operation.Id)["x-checkout-paging-cursor"]!;

        using var response = await _http.GetAsync($"{operation.PathTemplate.TrimStart('/')}?payment_id=pay_x&{cursor}=made-up");

        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("pagination_token_invalid"));
    }

    [Test]
    public async Task EnumerateTokenList_OnTheWire_SendsTheLinksTokenAsGivenWithTheSameFiltersAndStopsWithoutANextLink()
    {
        var (operation, method) = PagedList("token", "/reports");
        var cursor = (string)Composer.Operation(operation.Id)["x-checkout-paging-cursor"]!;
        var url = Auth.AuthFixture.ExpectedBase(operation.Host, CheckoutEnvironment.Sandbox) + operation.PathTemplate.TrimStart('/');
        using var mock = new Auth.StrictMockHttp();
        var queries = new List<string>();
        JObject Page(string id, string? nextToken, bool escaped = true)
        {
            var links = new JObject { ["self"] = new JObject { ["href"] = url } };
            if (nextToken is not null) links["next"] = new JObject { ["href"] = $"{url}?entity_id=ent_1&{cursor}={(escaped ? Uri.EscapeDataString(nextToken) : nextToken)}&limit=1" };
            return new JObject { ["count"] = 1, ["limit"] = 1, ["data"] = new JArray(new JObject { ["id"] = id }), ["_links"] = links };
        }

        mock.When(HttpMethod.Get, url).Respond(request =>
        {
            var query = request.RequestUri!.Query;
            queries.Add(query);
            var page = !query.Contains(cursor + "=") ? Page("rpt_1", "a+b/c=")
                : query.Contains(cursor + "=" + Uri.EscapeDataString("a+b/c=")) ? Page("rpt_2", "Qk+9/x", escaped: false)
                : query.Contains(cursor + "=" + Uri.EscapeDataString("Qk+9/x")) ? Page("rpt_3", null)
                : throw new AssertionException("unexpected token in " + query);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(page.ToString(), Encoding.UTF8, "application/json") };
        });
        using var factory = new CheckoutClientFactory(Auth.AuthFixture.SecretKey(), mock);
        var client = typeof(ICheckoutClient).GetProperty(operation.Tag)!.GetValue(factory.Create<ICheckoutClient>());
        var values = method.GetParameters().Select(p => p.Name == "entityId" ? "ent_1" : p.Name == "limit" ? (object?)(int?)1 : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : p.DefaultValue).ToArray();

        var items = await AllAsync((IAsyncEnumerable<object>)method.Invoke(client, values)!);

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => (string?)i["id"]), Is.EqualTo(new[] { "rpt_1", "rpt_2", "rpt_3" }));
            Assert.That(queries, Has.Count.EqualTo(3), "three pages, no request after the page without a next link");
            Assert.That(queries, Has.All.Contains("entity_id=ent_1").And.All.Contains("limit=1"), "every page repeats the caller's filters");
            Assert.That(queries[0], Does.Not.Contain(cursor), "the first page is asked without a token");
        });
    }

    [Test]
    public async Task EnumerateTokenList_ServerCyclesTokens_StopsOnATokenAlreadySent()
    {
        var (operation, method) = PagedList("token", "/reports");
        var cursor = (string)Composer.Operation(operation.Id)["x-checkout-paging-cursor"]!;
        var url = Auth.AuthFixture.ExpectedBase(operation.Host, CheckoutEnvironment.Sandbox) + operation.PathTemplate.TrimStart('/');
        using var mock = new Auth.StrictMockHttp();
        var queries = new List<string>();
        JObject Page(string id, string nextToken) => new()
        {
            ["count"] = 1, ["limit"] = 1, ["data"] = new JArray(new JObject { ["id"] = id }),
            ["_links"] = new JObject { ["next"] = new JObject { ["href"] = $"{url}?{cursor}={nextToken}&limit=1" } },
        };

        // A -> B -> A: the last token sent (B) is never repeated, but A is.
        mock.When(HttpMethod.Get, url).Respond(request =>
        {
            var query = request.RequestUri!.Query;
            queries.Add(query);
            if (queries.Count > 5) throw new AssertionException("the enumerator keeps following a token it has already sent");
            var page = !query.Contains(cursor + "=") ? Page("rpt_1", "A")
                : query.Contains(cursor + "=A") ? Page("rpt_2", "B")
                : Page("rpt_3", "A");
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(page.ToString(), Encoding.UTF8, "application/json") };
        });
        using var factory = new CheckoutClientFactory(Auth.AuthFixture.SecretKey(), mock);
        var client = typeof(ICheckoutClient).GetProperty(operation.Tag)!.GetValue(factory.Create<ICheckoutClient>());
        var values = method.GetParameters().Select(p => p.Name == "entityId" ? "ent_1" : p.Name == "limit" ? (object?)(int?)1 : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : p.DefaultValue).ToArray();

        var items = await AllAsync((IAsyncEnumerable<object>)method.Invoke(client, values)!);

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => (string?)i["id"]), Is.EqualTo(new[] { "rpt_1", "rpt_2", "rpt_3" }));
            Assert.That(queries, Has.Count.EqualTo(3), "no request with a token already sent");
        });
    }
}
