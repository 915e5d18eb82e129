using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using StackExchange.Redis;

namespace Checkout.Generated.Tests.Fleet;

/// <summary>Two webhook receivers (separate web apps) deduplicating through a real Redis, fed by the local server's duplicated, concurrent deliveries.</summary>
[Category("Fleet")]
public sealed class WebhookDeduplicationTests
{
    private const int Payments = 50;

    [Test]
    public async Task MapCheckoutWebhooks_TwoInstancesEach200DuplicatedConcurrentDeliveriesOf100Events_RunEachHandlerOnce()
    {
        var redis = await RedisServer.RequireAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var runs = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        async Task Handle(CheckoutWebhookEvent webhook, HttpContext context)
        {
            runs.AddOrUpdate(webhook.Id!, 1, (_, n) => n + 1);
            await Task.Yield();
        }

        var partition = "fleet-" + Guid.NewGuid().ToString("N")[..8] + ":";
        var (a, urlA) = await FleetInstances.ReceiverAsync(connection, partition, Handle);
        var (b, urlB) = await FleetInstances.ReceiverAsync(connection, partition, Handle);
        await using (a)
        await using (b)
        {
            await using var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions { Webhooks = { Url = urlA, SignatureKey = FleetInstances.SigningKey, MaxAttempts = 5 } });
            await using var client = new ServiceCollection().AddCheckoutClient(o => server.Configure(o)).Services.BuildServiceProvider();
            var payments = client.GetRequiredService<IPaymentsClient>();
            var ids = await Task.WhenAll(Enumerable.Range(0, Payments).Select(_ => FleetInstances.PayAsync(payments, capture: true)));

            // While the server still delivers each event once to A, every event twice more to each instance, all at once.
            var copies = await server.DeliverWebhookCopiesAsync([urlA, urlB], copies: 2);
            var first = await Task.WhenAll(ids.Select(id => server.WaitForWebhooksAsync(id, 2)));
            var events = first.SelectMany(w => w).ToList();

            TestContext.Out.WriteLine($"{events.Count} events, {copies.Count} concurrent copies: {copies.Count(c => c.Attempts > 1)} answered 409 first (in progress elsewhere), " +
                $"{copies.Sum(c => c.Attempts)} attempts in all");
            Assert.Multiple(() =>
            {
                Assert.That(events, Has.Count.EqualTo(2 * Payments));
                Assert.That(copies.Count(c => c.Receiver == urlA), Is.EqualTo(4 * Payments), "200 deliveries to each instance");
                Assert.That(copies.Select(c => c.Status), Is.All.EqualTo(200), "every copy answered 200 in the end");
                Assert.That(events.Select(e => e.Delivered), Is.All.True);
                Assert.That(events.Select(e => runs.GetValueOrDefault(e.EventId)), Is.All.EqualTo(1), "each event's handler ran once");
                Assert.That(runs.Keys, Is.EquivalentTo(events.Select(e => e.EventId)));
            });
        }
    }

    [Test]
    public async Task MapCheckoutWebhooks_HandlerFailsOnce_RetriedThenHandledOnce()
    {
        var redis = await RedisServer.RequireAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var attempts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var handled = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        Task Handle(CheckoutWebhookEvent webhook, HttpContext context)
        {
            if (attempts.AddOrUpdate(webhook.Id!, 1, (_, n) => n + 1) == 1) throw new InvalidOperationException("the handler's first attempt fails");
            handled.AddOrUpdate(webhook.Id!, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        var partition = "fleet-" + Guid.NewGuid().ToString("N")[..8] + ":";
        var (a, urlA) = await FleetInstances.ReceiverAsync(connection, partition, Handle, retention: TimeSpan.FromHours(1));
        var (b, urlB) = await FleetInstances.ReceiverAsync(connection, partition, Handle);
        await using (a)
        await using (b)
        {
            await using var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions { Webhooks = { Url = urlA, SignatureKey = FleetInstances.SigningKey } });
            await using var client = new ServiceCollection().AddCheckoutClient(o => server.Configure(o)).Services.BuildServiceProvider();
            var id = await FleetInstances.PayAsync(client.GetRequiredService<IPaymentsClient>(), capture: true);
            var sent = await server.WaitForWebhooksAsync(id, 2);
            var later = await server.DeliverWebhookCopiesAsync([urlA, urlB], copies: 1);
            var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(partition + sent[0].EventId);

            Assert.Multiple(() =>
            {
                Assert.That(sent.Select(w => (w.Delivered, w.Attempts)), Is.All.EqualTo((true, 2)), "500 first (the handler failed), 200 on Checkout's retry");
                Assert.That(sent.Select(w => attempts[w.EventId]), Is.All.EqualTo(2), "the failed attempt left the event to the retry");
                Assert.That(sent.Select(w => handled[w.EventId]), Is.All.EqualTo(1), "handled once");
                Assert.That(later.Select(c => (c.Status, c.Attempts)), Is.All.EqualTo(((int?)200, 1)), "later duplicates answered 200 at once");
                Assert.That(ttl, Is.InRange(TimeSpan.FromMinutes(59), TimeSpan.FromHours(1)), "kept for the configured retention");
            });
        }
    }

    [Test]
    public async Task MapCheckoutWebhooks_InMemoryStoreDuplicatedConcurrentDeliveries_RunEachHandlerOnce()
    {
        var runs = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        Task Handle(CheckoutWebhookEvent webhook, HttpContext context)
        {
            runs.AddOrUpdate(webhook.Id!, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        var (app, url) = await FleetInstances.ReceiverAsync(redis: null, "memory:", Handle);
        await using (app)
        {
            await using var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions { Webhooks = { Url = url, SignatureKey = FleetInstances.SigningKey, MaxAttempts = 5 } });
            await using var client = new ServiceCollection().AddCheckoutClient(o => server.Configure(o)).Services.BuildServiceProvider();
            var ids = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => FleetInstances.PayAsync(client.GetRequiredService<IPaymentsClient>(), capture: true)));
            var copies = await server.DeliverWebhookCopiesAsync([url], copies: 4);
            var events = (await Task.WhenAll(ids.Select(id => server.WaitForWebhooksAsync(id, 2)))).SelectMany(w => w).ToList();

            Assert.That(copies.Select(c => c.Status), Is.All.EqualTo(200));
            Assert.That(events.Select(e => runs.GetValueOrDefault(e.EventId)), Is.All.EqualTo(1));
        }
    }
}
