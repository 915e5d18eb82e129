using System.Linq;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>PagingRule on small documents: offset lists, token lists (next link or next-token property), and what is not a paged list.</summary>
[Category("Codegen")]
public class PagingRuleTests
{
    private static JObject Query(string name, string type) => new() { ["name"] = name, ["in"] = "query", ["schema"] = new JObject { ["type"] = type } };

    private static JObject Object(params (string Name, JObject Schema)[] properties)
    {
        var all = new JObject();
        foreach (var (name, schema) in properties) all[name] = schema;
        return new JObject { ["type"] = "object", ["properties"] = all };
    }

    private static JObject Str() => new() { ["type"] = "string" };

    private static JObject Int() => new() { ["type"] = "integer" };

    private static JObject ArrayOf(JObject items) => new() { ["type"] = "array", ["items"] = items };

    private static JObject Schemas(JObject page) => new() { ["Thing"] = Object(("id", Str())), ["ThingPage"] = page };

    private static JObject List(params JObject[] parameters) => new()
    {
        ["operationId"] = "listThings",
        ["parameters"] = new JArray(parameters),
        ["responses"] = new JObject
        {
            ["200"] = new JObject { ["description"] = "ok", ["content"] = new JObject { ["application/json"] = new JObject { ["schema"] = Ref("ThingPage") } } },
        },
    };

    private static JObject Normalised(JObject page, string method, params JObject[] parameters) =>
        (JObject)Normaliser.Normalise(With(new JObject { ["/things"] = new JObject { [method] = List(parameters) } }, Schemas(page))).Document["paths"]!["/things"]![method]!;

    [Test]
    public void Paging_LimitAndSkipWithADataArray_IsAnOffsetListOfTheItemComponent()
    {
        var page = Object(("limit", Int()), ("skip", Int()), ("total_count", Int()), ("data", ArrayOf(Ref("Thing"))));

        var op = Normalised(page, "get", Query("limit", "integer"), Query("skip", "integer"), Query("reference", "string"));

        Assert.Multiple(() =>
        {
            Assert.That((string?)op["x-checkout-paging"], Is.EqualTo("offset"));
            Assert.That((string?)op["x-checkout-paging-method"], Is.EqualTo("ListAllThings"));
            Assert.That((string?)op["x-checkout-paging-cursor"], Is.EqualTo("skip"));
            Assert.That((string?)op["x-checkout-paging-limit"], Is.EqualTo("limit"));
            Assert.That((string?)op["x-checkout-paging-items"], Is.EqualTo("Data"));
            Assert.That((string?)op["x-checkout-paging-item-type"], Is.EqualTo("Thing"));
            Assert.That((string?)op["x-checkout-paging-size"], Is.EqualTo("Limit"));
            Assert.That((string?)op["x-checkout-paging-total"], Is.EqualTo("TotalCount"));
        });
    }

    [Test]
    public void Paging_TokenParameterAndANextLink_IsATokenListReadingTheLinksHref()
    {
        var links = Object(("self", Object(("href", Str()))), ("next", Object(("href", Str()))));
        var page = Object(("limit", Int()), ("data", ArrayOf(Ref("Thing"))), ("_links", links));

        var op = Normalised(page, "get", Query("limit", "integer"), Query("pagination_token", "string"));

        Assert.Multiple(() =>
        {
            Assert.That((string?)op["x-checkout-paging"], Is.EqualTo("token"));
            Assert.That((string?)op["x-checkout-paging-cursor"], Is.EqualTo("pagination_token"));
            Assert.That((string?)op["x-checkout-paging-next"], Is.EqualTo("Links.Next.Href"));
            Assert.That((string?)op["x-checkout-paging-next-json"], Is.EqualTo("_links.next.href"));
            Assert.That((bool?)op["x-checkout-paging-next-link"], Is.True);
            Assert.That((string?)op["x-checkout-paging-item-type"], Is.EqualTo("Thing"));
        });
    }

    [Test]
    public void Paging_TokenParameterAndANextTokenProperty_IsATokenListReadingTheProperty()
    {
        var page = Object(("items", ArrayOf(Ref("Thing"))), ("next_page_token", Str()));

        var op = Normalised(page, "get", Query("page_token", "string"));

        Assert.Multiple(() =>
        {
            Assert.That((string?)op["x-checkout-paging"], Is.EqualTo("token"));
            Assert.That((string?)op["x-checkout-paging-next"], Is.EqualTo("NextPageToken"));
            Assert.That(op["x-checkout-paging-next-link"], Is.Null);
            Assert.That((string?)op["x-checkout-paging-items"], Is.EqualTo("Items"));
            Assert.That(op["x-checkout-paging-limit"], Is.Null);
        });
    }

    [TestCase("get", "skip", true, TestName = "Paging_NoArrayInTheBody_IsNotAList")]
    [TestCase("post", "skip", false, TestName = "Paging_PostWithLimitAndSkip_IsNotAList")]
    [TestCase("get", "page", false, TestName = "Paging_LimitWithoutSkip_IsNotAList")]
    public void Paging_NotAPagedList_IsLeftAlone(string method, string cursor, bool withoutArray)
    {
        var page = withoutArray ? Object(("limit", Int()), ("thing", Ref("Thing"))) : Object(("limit", Int()), ("data", ArrayOf(Ref("Thing"))));

        var op = Normalised(page, method, Query("limit", "integer"), Query(cursor, "integer"));

        Assert.That(op.Properties().Select(p => p.Name).Where(n => n.StartsWith("x-checkout-paging", System.StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Paging_TokenParameterButNoNextTokenInTheBody_IsNotAList()
    {
        var page = Object(("data", ArrayOf(Ref("Thing"))), ("_links", Object(("self", Object(("href", Str()))))));

        var op = Normalised(page, "get", Query("pagination_token", "string"));

        Assert.That(op["x-checkout-paging"], Is.Null);
    }

    [Test]
    public void Paging_EnumeratorNameTaken_GetsItemsAppended()
    {
        var page = Object(("limit", Int()), ("skip", Int()), ("data", ArrayOf(Ref("Thing"))));
        var paths = new JObject
        {
            ["/things"] = new JObject { ["get"] = List(Query("limit", "integer"), Query("skip", "integer")) },
            ["/all"] = new JObject { ["get"] = Operation(id: "listAllThings") },
        };

        var op = Normaliser.Normalise(With(paths, Schemas(page))).Document["paths"]!["/things"]!["get"]!;

        Assert.That((string?)op["x-checkout-paging-method"], Is.EqualTo("ListAllThingsItems"));
    }
}
