using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Checkout.Generated.Models;
using Checkout.Generated.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Reliability;

/// <summary>Many concurrent callers through dependency injection, against the local server failing often and in every way it can.</summary>
[TestFixture]
[Category("Reliability")]
public sealed class StormTests
{
    private const int Payments = 500;
    private const int Rounds = 5;
    private const int Waiters = 100;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>The default policy, with waits and timeouts scaled down so that the storm takes seconds.</summary>
    private static void Fast(CheckoutOptions options)
    {
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(20);
        options.Resilience.MaxDelay = TimeSpan.FromMilliseconds(200);
        options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(2);
        options.Resilience.TotalTimeout = TimeSpan.FromSeconds(20);

        // Token requests have their own timeout (the back channel's), as short as an API attempt's here.
        options.TokenRequestTimeout = TimeSpan.FromSeconds(2);
    }

    private static CheckoutMockFault[] EveryKindOfFault(string? operationId, double each) =>
    [
        new() { OperationId = operationId, StatusCode = 503, Probability = each, Times = int.MaxValue },
        new() { OperationId = operationId, StatusCode = 429, RetryAfter = TimeSpan.FromSeconds(1), Probability = each, Times = int.MaxValue },
        new() { OperationId = operationId, StatusCode = 502, Probability = each, Times = int.MaxValue },
        new() { OperationId = operationId, Delay = TimeSpan.FromSeconds(4), Probability = each, Times = int.MaxValue },
        new() { OperationId = operationId, MalformedBody = true, Probability = each, Times = int.MaxValue },
        new() { OperationId = operationId, ResetBeforeProcessing = true, Probability = each, Times = int.MaxValue },
        new() { OperationId = operationId, ResetAfterProcessing = true, Probability = each, Times = int.MaxValue },
    ];

    private static CheckoutOperation CreatePayment() =>
        CheckoutOperationCatalog.All.FirstOrDefault(o => o.Method == "POST" && o.PathTemplate == "/payments" && o.Host == "api" && o.IdempotencyKeyHeader is not null)
        ?? throw new IgnoreException("this spec release has no POST /payments declaring an idempotency key");

    private static PaymentRequest Payment(int i)
    {
        var body = (JObject)new ExampleComposer().RequestExamples(CreatePayment().Id).First(e => e.FromMediaType && e.Value["source"] is not null).Value.DeepClone();
        body["amount"] = 1000 + (i * 100);
        body["reference"] = $"storm-{i}";
        body.Remove("3ds");
        return CheckoutJson.Deserialize<PaymentRequest>(body.ToString())!;
    }

    [Test]
    public async Task RequestPayment_500ConcurrentCallersUnderFaultsOfEveryKind_CreatesExactly500PaymentsWithoutDuplicates()
    {
        var operation = CreatePayment();
        await using var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions { FaultSeed = 11 });
        var faults = EveryKindOfFault(operation.Id, each: 0.06);
        foreach (var fault in faults) server.InjectFault(fault);
        var services = new ServiceCollection().AddLogging();
        services.AddCheckoutClient(o => { server.Configure(o); Fast(o); });
        await using var provider = services.BuildServiceProvider();
        var payments = provider.GetRequiredService<IPaymentsClient>();
        var bodies = Enumerable.Range(0, Payments).Select(Payment).ToArray();
        var typedFailures = new ConcurrentDictionary<string, int>();
        var untyped = new ConcurrentBag<Exception>();
        var clock = Stopwatch.StartNew();

        // Each caller does what docs/reliability.md says: on a CheckoutException, repeat the order with the same idempotency key.
        var calls = bodies.Select(async (body, i) =>
        {
            var key = Guid.NewGuid().ToString();
            for (var round = 0; round < 8; round++)
            {
                try
                {
                    return (await payments.RequestPaymentOrPayoutAsync(body, new CheckoutRequestOptions { IdempotencyKey = key })).Created;
                }
                catch (CheckoutException e)
                {
                    typedFailures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                }
                catch (Exception e)
                {
                    untyped.Add(e);
                    return null;
                }
            }

            return null;
        }).ToArray();
        var answers = await Task.WhenAll(calls).WaitAsync(Bound);
        clock.Stop();

        var created = server.Payments.Created;
        var duplicates = created.GroupBy(p => p.Reference).Sum(g => g.Count() - 1);
        TestContext.Out.WriteLine($"{created.Count} payments on the server, {duplicates} duplicates, {answers.Count(a => a is not null)} callers got theirs, " +
                                  $"{server.RequestCount(operation.Id)} requests in {clock.Elapsed.TotalSeconds:F1} s; typed failures seen by callers: " +
                                  $"{string.Join(", ", typedFailures.Select(p => $"{p.Key} {p.Value}"))}; faults injected: {string.Join("; ", faults.Select(f => f.ToString()))}");
        Assert.Multiple(() =>
        {
            Assert.That(untyped, Is.Empty, "every failure a caller saw is a CheckoutException");
            Assert.That(created, Has.Count.EqualTo(Payments));
            Assert.That(duplicates, Is.Zero);
            Assert.That(answers.Select(a => a?.Id), Is.EquivalentTo(created.Select(p => p.Id)), "each caller holds its own payment");
            Assert.That(faults.Select(f => f.Injected), Has.All.GreaterThan(0), "every kind of fault happened");
            Assert.That(faults.Sum(f => f.Injected), Is.GreaterThanOrEqualTo(server.RequestCount(operation.Id) / 5), "at least 20% of the requests failed");
        });
    }

    [Test]
    public async Task GetPaymentDetails_TokenEndpointFailingOften_RecoversWithoutCachingAFailureOrHangingAWaiter()
    {
        var token = CheckoutOperationCatalog.All.FirstOrDefault(o => o.Host == "access" && o.Credentials == CheckoutCredentialKinds.None)
                    ?? throw new IgnoreException("this spec release has no token endpoint operation");
        var details = CheckoutOperationCatalog.All.First(o => o.Method == "GET" && o.PathTemplate == "/payments/{id}" && o.Host == "api");
        await using var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions { FaultSeed = 5 });
        string paymentId;
        using (var setup = new CheckoutClientFactory(server.Configure(new CheckoutOptions())))
            paymentId = (await setup.Create<IPaymentsClient>().RequestPaymentOrPayoutAsync(Payment(0))).Created!.Id!;
        var faults = new CheckoutMockFault[]
        {
            new() { OperationId = token.Id, StatusCode = 503, Probability = 0.2, Times = int.MaxValue },
            new() { OperationId = token.Id, Delay = TimeSpan.FromSeconds(4), Probability = 0.15, Times = int.MaxValue },
            new() { OperationId = token.Id, ResetBeforeProcessing = true, Probability = 0.15, Times = int.MaxValue },
            new() { OperationId = token.Id, ResetAfterProcessing = true, Probability = 0.15, Times = int.MaxValue },
        };
        foreach (var fault in faults) server.InjectFault(fault);
        var clock = Stopwatch.StartNew();
        int succeeded = 0, tokenFailures = 0, otherTyped = 0, recovered = 0;
        var untyped = new ConcurrentBag<Exception>();
        var otherSeen = new ConcurrentDictionary<string, int>();

        // Each round is a new application (an empty token cache) whose first callers all wait for the same token request.
        for (var round = 0; round < Rounds; round++)
        {
            var services = new ServiceCollection().AddLogging();
            services.AddCheckoutClient(o => { server.Configure(o); Fast(o); });
            await using var provider = services.BuildServiceProvider();
            var payments = provider.GetRequiredService<IPaymentsClient>();
            var outcomes = await Task.WhenAll(Enumerable.Range(0, Waiters).Select(async _ =>
            {
                try
                {
                    return (await payments.GetPaymentDetailsAsync(paymentId)).Id == paymentId ? "payment" : "wrong payment";
                }
                catch (CheckoutTokenException)
                {
                    return "token";
                }
                catch (CheckoutException e)
                {
                    otherSeen.TryAdd(e.GetType().Name + ": " + e.Message + " <- " + e.InnerException?.GetType().Name + ": " + e.InnerException?.Message + " <- " + e.InnerException?.InnerException?.Message, 0);
                    return "other typed";
                }
                catch (Exception e)
                {
                    untyped.Add(e);
                    return "untyped";
                }
            })).WaitAsync(Bound);
            succeeded += outcomes.Count(o => o == "payment");
            tokenFailures += outcomes.Count(o => o == "token");
            otherTyped += outcomes.Count(o => o == "other typed");

            // A failed token request is not cached: the next call asks again, and gets through within a few tries.
            for (var attempt = 0; attempt < 10; attempt++)
            {
                try
                {
                    await payments.GetPaymentDetailsAsync(paymentId).WaitAsync(Bound);
                    recovered++;
                    break;
                }
                catch (CheckoutException)
                {
                }
            }
        }

        TestContext.Out.WriteLine($"{Rounds} rounds of {Waiters} callers in {clock.Elapsed.TotalSeconds:F1} s: {succeeded} got the payment, {tokenFailures} a CheckoutTokenException, {otherTyped} another CheckoutException; " +
                                  $"{server.RequestCount(token.Id)} token requests; recovered in {recovered} of {Rounds} rounds; faults: {string.Join("; ", faults.Select(f => f.ToString()))}");
        foreach (var other in otherSeen.Keys.Take(3)) TestContext.Out.WriteLine(other);
        Assert.Multiple(() =>
        {
            Assert.That(untyped, Is.Empty);
            Assert.That(succeeded + tokenFailures + otherTyped, Is.EqualTo(Rounds * Waiters), "every waiter got the payment or a CheckoutException");
            Assert.That(succeeded, Is.GreaterThan(Rounds * Waiters / 4), "many got the payment");
            Assert.That(recovered, Is.EqualTo(Rounds), "every round recovered");
            Assert.That(faults.Select(f => f.Injected), Has.All.GreaterThan(0));
            Assert.That(server.RequestCount(token.Id), Is.LessThan(Rounds * 15), "callers share token requests instead of each sending one");
        });
    }
}
