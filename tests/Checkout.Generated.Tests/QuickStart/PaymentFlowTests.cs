using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Checkout.Generated.QuickStart;
using Checkout.Generated.Testing;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Checkout.Generated.Tests.QuickStart;

[Category("Contract")]
public class PaymentFlowTests
{
    [Test]
    public async Task RunAsync_ThroughDiAgainstTheLocalServer_CapturesRefundsAndReportsPartiallyRefunded()
    {
        await using var server = await CheckoutMockServer.StartAsync();
        var services = new ServiceCollection();
        services.AddCheckoutClient(options => server.Configure(options));
        await using var provider = services.BuildServiceProvider();
        using var output = new StringWriter();

        var result = await new PaymentFlow(provider.GetRequiredService<ICheckoutClient>()).RunAsync(output);

        var create = CheckoutOperationCatalog.All.Single(o => o.Method == "POST" && o.PathTemplate == "/payments");
        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo("Partially Refunded"));
            Assert.That(result.ActionCount, Is.EqualTo(3));
            Assert.That(server.RequestCount(create.Id), Is.EqualTo(1));
            Assert.That(server.RequestCounts.Where(c => CheckoutOperationCatalog.Find(c.Key)!.Host != "access").Sum(c => c.Value), Is.EqualTo(5), "payment, capture, refund, details, actions");
            Assert.That(server.RequestCounts.Where(c => CheckoutOperationCatalog.Find(c.Key)!.Host == "access").Sum(c => c.Value), Is.GreaterThanOrEqualTo(1), "the OAuth token exchange");
            Assert.That(output.ToString(), Does.Not.Contain("4242424242424242"));
        });
    }
}
