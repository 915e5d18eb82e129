using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Checkout.Generated.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Flows;

/// <summary>End to end: the quick start's payment against the local server, whose webhooks reach samples/Webhooks' receiver on loopback.</summary>
[Category("Contract")]
public class WebhookFlowTests
{
    private static readonly string[] Lifecycle = ["payment_approved", "payment_captured", "payment_refunded"];

    [Test]
    public async Task QuickStartFlow_WithTheSampleReceiver_GetsEachLifecycleEventOnceSignedVerifiedTypedInOrder()
    {
        if (Lifecycle.FirstOrDefault(t => CheckoutEventCatalog.DataTypeOf(t) is null) is { } untyped)
            Assert.Ignore($"The spec ({CheckoutOperationCatalog.Spec}) does not type {untyped}.");
        const string key = "e2e-signing-key";
        var inbox = new WebhookInbox();
        await using var receiver = WebhookReceiverApp.Create([], inbox, o => { o.SignatureKeys.Add("e2e-previous-key"); o.SignatureKeys.Add(key); });
        receiver.Urls.Add("http://127.0.0.1:0");
        await receiver.StartAsync();
        var url = new Uri(new Uri(receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), WebhookReceiverApp.Path);
        await using var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions { Webhooks = { Url = url, SignatureKey = key } });
        var services = new ServiceCollection();
        services.AddCheckoutClient(options => server.Configure(options));
        await using var provider = services.BuildServiceProvider();

        var paymentId = await QuickStartFlow.RunAsync(provider.GetRequiredService<ICheckoutClient>().Payments);
        var sent = await server.WaitForWebhooksAsync(paymentId, Lifecycle.Length).WaitAsync(TimeSpan.FromSeconds(30));
        await receiver.StopAsync();

        var events = inbox.Events;
        Assert.That(sent.All(w => w.Delivered && w.Attempts == 1), Is.True, string.Join("; ", sent));
        Assert.That(events.Select(e => e.Type), Is.EqualTo(Lifecycle), "each lifecycle event, in order");
        Assert.That(events.Select(e => e.Id), Is.EqualTo(sent.Select(w => w.EventId)), "the events the server sent, in the order it sent them");
        Assert.That(events.Select(e => inbox.Deliveries(e.Id!)), Is.All.EqualTo(1), "each once");
        Assert.That(server.Webhooks.Count(w => w.SubjectId == paymentId), Is.EqualTo(Lifecycle.Length), "nothing else sent for the payment");
        foreach (var webhook in events)
        {
            var model = CheckoutEventCatalog.DataTypeOf(webhook.Type!)!;
            Assert.That(webhook.Data, Is.InstanceOf(model), webhook.Type);
            Assert.That((string?)webhook.RawData!["id"], Is.EqualTo(paymentId));
            // Everything the server put in the data is a field of the spec's model.
            var unknown = (System.Collections.Generic.IDictionary<string, object>)model.GetProperty("AdditionalProperties")!.GetValue(webhook.Data)!;
            Assert.That(unknown.Keys, Is.Empty, webhook.Type);
        }
        Assert.That(events.Select(e => (string?)e.RawData!["status"]), Is.EqualTo(new[] { "Authorized", "Captured", "Partially Refunded" }));
        Assert.That(events.Select(e => (long?)e.RawData!["amount"]), Is.EqualTo(new long?[] { 1000, 1000, 400 }));
    }
}
