using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using StackExchange.Redis;

namespace Checkout.Generated.Tests.Fleet;

/// <summary>Several app instances (separate service providers) sharing tokens through HybridCache over a real Redis, against the local Checkout server.</summary>
[Category("Fleet")]
public sealed class SharedTokenCacheTests
{
    private const int Instances = 4;

    [Test]
    public async Task RequestPayment_FourInstancesColdStartedTogether_AtMostOneTokenRequestPerScopeEach()
    {
        var redis = await RedisServer.RequireAsync();
        using var keys = FleetInstances.CreateKeyRing();
        await using var server = await CheckoutMockServer.StartAsync();
        var partition = Partition();
        var providers = Enumerable.Range(0, Instances).Select(_ => FleetInstances.Client(server, redis, partition, keys)).ToList();

        try
        {
            await Task.WhenAll(providers.Select(p => FleetInstances.PayAsync(p.GetRequiredService<IPaymentsClient>())));
            var tokens = server.TokenRequests;

            TestContext.Out.WriteLine($"cold start of {Instances} instances: token requests per scope {Describe(tokens)}");
            Assert.That(tokens, Has.Count.EqualTo(2), "one entry per scope the two operations need");
            Assert.That(tokens.Values, Is.All.InRange(1, Instances), "at most one token request per scope in each instance (no distributed claim across instances)");
        }
        finally
        {
            foreach (var provider in providers) await provider.DisposeAsync();
        }
    }

    [Test]
    public async Task RequestPayment_InstancesStartedAfterAWarmOne_MakeNoTokenRequest()
    {
        var redis = await RedisServer.RequireAsync();
        using var keys = FleetInstances.CreateKeyRing();
        await using var server = await CheckoutMockServer.StartAsync();
        var partition = Partition();
        await using var warm = FleetInstances.Client(server, redis, partition, keys);
        await FleetInstances.PayAsync(warm.GetRequiredService<IPaymentsClient>());
        var afterWarm = server.TokenRequests;
        var later = Enumerable.Range(0, Instances).Select(_ => FleetInstances.Client(server, redis, partition, keys)).ToList();

        try
        {
            await Task.WhenAll(later.Select(p => FleetInstances.PayAsync(p.GetRequiredService<IPaymentsClient>())));

            Assert.That(afterWarm.Values, Is.All.EqualTo(1), "the warm instance requested one token per scope");
            Assert.That(server.TokenRequests, Is.EqualTo(afterWarm), $"the {Instances} later instances took the tokens from the shared cache");
        }
        finally
        {
            foreach (var provider in later) await provider.DisposeAsync();
        }
    }

    [Test]
    public async Task RequestPayment_After401InOneInstance_OthersUseItsNewTokenWithoutATokenRequest()
    {
        var redis = await RedisServer.RequireAsync();
        using var keys = FleetInstances.CreateKeyRing();
        await using var server = await CheckoutMockServer.StartAsync();
        var partition = Partition();
        var wireA = new FleetInstances.WireTokens();
        var wireB = new FleetInstances.WireTokens();
        await using var a = FleetInstances.Client(server, redis, partition, keys, wireA);
        await using var b = FleetInstances.Client(server, redis, partition, keys, wireB);
        await FleetInstances.PayAsync(a.GetRequiredService<IPaymentsClient>());
        await FleetInstances.PayAsync(b.GetRequiredService<IPaymentsClient>());
        var revoked = wireA.Tokens;
        var beforeB = wireB.Tokens;

        server.RevokeTokens();
        await FleetInstances.PayAsync(a.GetRequiredService<IPaymentsClient>());
        var afterA = server.TokenRequests;
        await FleetInstances.PayAsync(b.GetRequiredService<IPaymentsClient>());

        Assert.Multiple(() =>
        {
            Assert.That(beforeB, Is.EquivalentTo(revoked), "B used A's tokens before the revocation");
            Assert.That(afterA.Values, Is.All.EqualTo(2), "A's 401s made it request a new token per scope");
            Assert.That(server.TokenRequests, Is.EqualTo(afterA), "B's next call, rejected once, found A's new tokens in the shared cache");
            Assert.That(wireB.Tokens.Except(revoked), Is.EquivalentTo(wireA.Tokens.Except(revoked)), "B now sends A's new tokens");
        });
    }

    [Test]
    public async Task RequestPayment_AnotherInstancesTokenPastItsRefreshMoment_RequestsANewOne()
    {
        var redis = await RedisServer.RequireAsync();
        using var keys = FleetInstances.CreateKeyRing();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions { TokenLifetime = TimeSpan.FromMinutes(10) });
        var partition = Partition();
        void Clock(CheckoutOptions o)
        {
            o.TimeProvider = time;
            o.TokenRefreshMargin = TimeSpan.FromMinutes(2);
        }

        await using var a = FleetInstances.Client(server, redis, partition, keys, configure: Clock);
        await using var b = FleetInstances.Client(server, redis, partition, keys, configure: Clock);
        await using var c = FleetInstances.Client(server, redis, partition, keys, configure: Clock);
        await FleetInstances.PayAsync(a.GetRequiredService<IPaymentsClient>());
        time.Advance(TimeSpan.FromMinutes(7.9));
        await FleetInstances.PayAsync(b.GetRequiredService<IPaymentsClient>());
        var beforeMargin = server.TokenRequests;
        time.Advance(TimeSpan.FromMinutes(0.2));
        await FleetInstances.PayAsync(c.GetRequiredService<IPaymentsClient>());

        Assert.That(beforeMargin.Values, Is.All.EqualTo(1), "B used A's tokens up to expiry minus the margin");
        Assert.That(server.TokenRequests.Values, Is.All.EqualTo(2), "C, past the refresh moment, requested new ones");
    }

    [Test]
    public async Task SharedTokenCache_WithDataProtection_StoresTokensEncryptedInRedis()
    {
        var redis = await RedisServer.RequireAsync();
        await using var server = await CheckoutMockServer.StartAsync();
        var partition = Partition();
        var wire = new FleetInstances.WireTokens();
        using var keys = FleetInstances.CreateKeyRing();
        await using var instance = FleetInstances.Client(server, redis, partition, keys, wire);
        await FleetInstances.PayAsync(instance.GetRequiredService<IPaymentsClient>());

        var stored = await DumpAsync(redis, partition);

        Assert.That(stored.Keys, Has.Count.EqualTo(2).And.All.StartsWith(partition + "checkout:token:default:"), "one entry per scope, under the account's partition");
        Assert.That(wire.Tokens, Has.Length.EqualTo(2));
        foreach (var token in wire.Tokens) Assert.That(stored.Values, Has.None.Contains(token), "no token in clear in Redis");
    }

    [Test]
    public async Task SharedTokenCache_WithoutDataProtection_KeepsTokensOutOfRedis()
    {
        var redis = await RedisServer.RequireAsync();
        await using var server = await CheckoutMockServer.StartAsync();
        var partition = Partition();
        await using var a = FleetInstances.Client(server, redis, partition, keys: null);
        await using var b = FleetInstances.Client(server, redis, partition, keys: null);

        await FleetInstances.PayAsync(a.GetRequiredService<IPaymentsClient>());
        await FleetInstances.PayAsync(b.GetRequiredService<IPaymentsClient>());

        Assert.That(await DumpAsync(redis, partition), Is.Empty, "nothing in the shared store");
        Assert.That(server.TokenRequests.Values, Is.All.EqualTo(2), "each instance requested its own tokens");
    }

    private static string Partition() => "fleet-" + Guid.NewGuid().ToString("N")[..8] + ":";

    private static string Describe(IReadOnlyDictionary<string, int> tokens) => string.Join(", ", tokens.Select(p => $"{p.Key.Split(' ', 2)[1]}={p.Value}"));

    /// <summary>Every key under the partition with its raw content (strings, or hash fields concatenated).</summary>
    internal static async Task<Dictionary<string, string>> DumpAsync(RedisServer redis, string partition)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var database = connection.GetDatabase();
        await foreach (var key in connection.GetServer(redis.Configuration).KeysAsync(pattern: partition + "*"))
        {
            var type = await database.KeyTypeAsync(key);
            var bytes = type == RedisType.Hash
                ? (await database.HashGetAllAsync(key)).SelectMany(e => (byte[])e.Value!).ToArray()
                : (byte[])(await database.StringGetAsync(key))!;
            result[key!] = Encoding.Latin1.GetString(bytes);
        }
        return result;
    }
}
