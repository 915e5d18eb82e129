using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RichardSzalay.MockHttp;
using static Checkout.Generated.Tests.Testing.PagingFixture;

namespace Checkout.Generated.Tests.Testing;

/// <summary>A token-paged list enumerator on the wire (a strict mock, no server): the token of each <c>next</c> link sent as given, with the caller's filters, and a stop on a token already sent.</summary>
[TestFixture]
[Category("Contract")]
public sealed class PagingTokenLinkTests
{
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

        AnswerPages(mock, url, queries, query => !query.Contains(cursor + "=") ? Page("rpt_1", "a+b/c=")
            : query.Contains(cursor + "=" + Uri.EscapeDataString("a+b/c=")) ? Page("rpt_2", "Qk+9/x", escaped: false)
            : query.Contains(cursor + "=" + Uri.EscapeDataString("Qk+9/x")) ? Page("rpt_3", null)
            : throw new AssertionException("unexpected token in " + query));

        var items = await EnumerateAsync(mock, operation, method);

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
        AnswerPages(mock, url, queries, query => queries.Count > 5
            ? throw new AssertionException("the enumerator keeps following a token it has already sent")
            : !query.Contains(cursor + "=") ? Page("rpt_1", "A")
            : query.Contains(cursor + "=A") ? Page("rpt_2", "B")
            : Page("rpt_3", "A"));

        var items = await EnumerateAsync(mock, operation, method);

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => (string?)i["id"]), Is.EqualTo(new[] { "rpt_1", "rpt_2", "rpt_3" }));
            Assert.That(queries, Has.Count.EqualTo(3), "no request with a token already sent");
        });
    }

    /// <summary>Answers every GET of <paramref name="url"/> with the page for its query, after recording the query.</summary>
    private static void AnswerPages(Auth.StrictMockHttp mock, string url, List<string> queries, Func<string, JObject> pageFor) =>
        mock.When(HttpMethod.Get, url).Respond(request =>
        {
            var query = request.RequestUri!.Query;
            queries.Add(query);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(pageFor(query).ToString(), Encoding.UTF8, "application/json") };
        });

    /// <summary>Every item of the token-paged list, through a factory over <paramref name="mock"/>, for entity <c>ent_1</c> one item a page.</summary>
    private static async Task<List<JObject>> EnumerateAsync(Auth.StrictMockHttp mock, CheckoutOperation operation, MethodInfo method)
    {
        using var factory = new CheckoutClientFactory(Auth.AuthFixture.SecretKey(), mock);
        var client = typeof(ICheckoutClient).GetProperty(operation.Tag)!.GetValue(factory.Create<ICheckoutClient>())!;
        return await AllAsync(EnumerateOn(client, method, new Dictionary<string, object?> { ["entityId"] = "ent_1", ["limit"] = 1 }));
    }
}
