using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using static Checkout.Generated.Tests.Testing.PagingFixture;

namespace Checkout.Generated.Tests.Testing;

/// <summary>The generated list enumerators against the local server, cancelled mid-walk: by <c>WithCancellation</c> or by their own token argument.</summary>
[TestFixture]
[Category("Contract")]
public sealed class PagingCancellationTests : PagingServerFixture
{
    [Test]
    public async Task EnumerateTokenList_CancelledThroughWithCancellationAfterTheFirstItem_ThrowsAndRequestsNoFurtherPage()
    {
        var (operation, method) = PagedList("token", "/financial-actions", "PaymentId", "ActionId");
        var (paymentId, _) = await PaymentWithActionsAsync(2);
        var before = Server.RequestCount(operation.Id);
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
            Assert.That(Server.RequestCount(operation.Id) - before, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task EnumerateOffsetList_CancellationTokenArgumentCancelledAfterTheFirstItem_ThrowsAndRequestsNoFurtherPage()
    {
        var (operation, method) = PagedList("offset", "/payments", "Id", "Reference");
        var reference = "paging-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++) await CreatePaymentAsync(1000 + i, reference);
        var before = Server.RequestCount(operation.Id);
        using var cancellation = new CancellationTokenSource();

        async Task Walk()
        {
            await foreach (var _ in Enumerate(operation, method, new Dictionary<string, object?> { ["reference"] = reference, ["limit"] = (long?)1 }, cancellation.Token))
                cancellation.Cancel();
        }

        Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), Walk);
        Assert.That(Server.RequestCount(operation.Id) - before, Is.EqualTo(1));
    }
}
