using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Fleet;

/// <summary>Separate processes (Checkout.Generated.FleetNode) sharing tokens through HybridCache over a real Redis.</summary>
[Category("Fleet")]
public sealed class MultiProcessTokenTests
{
    [Test]
    public async Task RequestPayment_ProcessesStartedAfterAWarmOne_MakeNoTokenRequest()
    {
        var redis = await RedisServer.RequireAsync();
        using var keys = FleetInstances.CreateKeyRing();
        await using var server = await CheckoutMockServer.StartAsync();
        var partition = "fleet-" + Guid.NewGuid().ToString("N")[..8] + ":";

        var cold = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => RunNodeAsync(server, redis, partition, keys)));
        var afterCold = server.TokenRequests;
        var warm = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => RunNodeAsync(server, redis, partition, keys)));

        TestContext.Out.WriteLine($"2 processes cold: {string.Join(", ", afterCold.Select(p => $"{p.Key.Split(' ', 2)[1]}={p.Value}"))}; 2 more after them: {server.TokenRequests.Values.Sum() - afterCold.Values.Sum()} token requests");
        Assert.Multiple(() =>
        {
            Assert.That(cold.Concat(warm), Is.All.StartsWith("paid pay_"), "every process paid and read its payment back");
            Assert.That(afterCold, Has.Count.EqualTo(2));
            Assert.That(afterCold.Values, Is.All.InRange(1, 2), "at most one token request per scope in each of the two cold processes");
            Assert.That(server.TokenRequests, Is.EqualTo(afterCold), "the later processes took every token from Redis");
        });
    }

    private static async Task<string> RunNodeAsync(CheckoutMockServer server, RedisServer redis, string partition, FleetInstances.KeyRing keys)
    {
        var directory = Path.GetDirectoryName(typeof(MultiProcessTokenTests).Assembly.Location)!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        var client = server.Options.Clients[0];
        // The test assembly's runtime and dependency files resolve the node's references (HybridCache, Redis) from this directory.
        foreach (var arg in new[]
        {
            "exec", "--runtimeconfig", "Checkout.Generated.Tests.runtimeconfig.json", "--depsfile", "Checkout.Generated.Tests.deps.json", "Checkout.Generated.FleetNode.dll",
            redis.Configuration, partition, keys.Folder.FullName, server.TokenEndpoint.AbsoluteUri, client.ClientId, client.ClientSecret, server.Options.AccountPrefix,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        foreach (var pair in server.BaseAddresses) await process.StandardInput.WriteLineAsync($"{pair.Key} {pair.Value}");
        await process.StandardInput.WriteLineAsync();
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the fleet node did not finish within 60 s");
        }

        Assert.That(process.ExitCode, Is.Zero, await error);
        return (await output).Trim();
    }
}
