using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using static Checkout.Generated.Tests.Testing.PagingFixture;

namespace Checkout.Generated.Tests.Testing;

/// <summary>
/// The generated list enumerators (PagingRule) against the local server: every item exactly once, one request per page,
/// a stop on the last page; and a made-up page token refused.
/// </summary>
[TestFixture]
[Category("Contract")]
public sealed class PagingEnumerationTests : PagingServerFixture
{
    [TestCase(7, 3, 3, TestName = "EnumerateOffsetList_SevenItemsInPagesOfThree_WalksThreePagesAndStopsOnTheShortOne")]
    [TestCase(6, 2, 3, TestName = "EnumerateOffsetList_SixItemsInPagesOfTwo_StopsAtTheTotalWithoutAnEmptyPage")]
    public async Task EnumerateOffsetList_ManyPages_YieldsEveryItemOnceWithOneRequestPerPage(int count, int limit, int pages)
    {
        var (operation, method) = PagedList("offset", "/payments", "Id", "Reference");
        var reference = "paging-" + Guid.NewGuid().ToString("N");
        var created = new List<string>();
        for (var i = 0; i < count; i++) created.Add(await CreatePaymentAsync(1000 + i, reference));
        await CreatePaymentAsync(5000, "other-" + reference);
        var before = Server.RequestCount(operation.Id);

        var items = await AllAsync(Enumerate(operation, method, new Dictionary<string, object?> { ["reference"] = reference, ["limit"] = (long?)limit }));

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => (string?)i["id"]), Is.EquivalentTo(created));
            Assert.That(items.Select(i => (string?)i["id"]), Is.Unique);
            Assert.That(Server.RequestCount(operation.Id) - before, Is.EqualTo(pages), "one request per page");
        });
    }

    [TestCase(5, 2, 4, TestName = "EnumerateTokenList_SevenActionsInPagesOfTwo_FollowsServerTokensThroughFourPagesAndStops")]
    [TestCase(2, 2, 2, TestName = "EnumerateTokenList_FourActionsInPagesOfTwo_StopsWhenNoNextTokenComes")]
    public async Task EnumerateTokenList_ManyPages_YieldsEveryItemOnceWithOneRequestPerPage(int refunds, int limit, int pages)
    {
        var (operation, method) = PagedList("token", "/financial-actions", "PaymentId", "ActionId");
        var (paymentId, actionIds) = await PaymentWithActionsAsync(refunds);
        await PaymentWithActionsAsync(1);
        var before = Server.RequestCount(operation.Id);

        var items = await AllAsync(Enumerate(operation, method, new Dictionary<string, object?> { ["paymentId"] = paymentId, ["limit"] = (int?)limit }));

        Assert.Multiple(() =>
        {
            Assert.That(items.Select(i => (string?)i["action_id"]), Is.EquivalentTo(actionIds));
            Assert.That(items.Select(i => (string?)i["action_id"]), Is.Unique);
            Assert.That(items.Select(i => (string?)i["payment_id"]).Distinct(), Is.EqualTo(new[] { paymentId }));
            Assert.That(Server.RequestCount(operation.Id) - before, Is.EqualTo(pages), "one request per page");
        });
    }

    [Test]
    public async Task TokenList_UnknownToken_Is422NamingTheToken()
    {
        var (operation, _) = PagedList("token", "/financial-actions", "PaymentId", "ActionId");
        var cursor = (string)Composer.Operation(operation.Id)["x-checkout-paging-cursor"]!;

        using var response = await Http.GetAsync($"{operation.PathTemplate.TrimStart('/')}?payment_id=pay_x&{cursor}=made-up");

        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("pagination_token_invalid"));
    }
}
