using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.AspNetCore;
using Checkout.Generated.Models;
using Checkout.Generated.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Checkout.Generated.Tests.Fleet;

/// <summary>App instances of the Fleet tests: each its own service provider (or web app), sharing one Redis.</summary>
internal static class FleetInstances
{
    public const string SigningKey = "fleet-signing-key";
    public const string WebhookPath = "/webhooks/checkout";

    /// <summary>
    /// A data protection key ring with one key, in a new temporary directory, as every instance of a fleet shares (e.g. in
    /// Redis or a share); disposing it deletes the directory.
    /// </summary>
    public static KeyRing CreateKeyRing()
    {
        var ring = new KeyRing(Directory.CreateTempSubdirectory("checkout-keys-"));
        try
        {
            using var provider = new ServiceCollection().AddLogging().AddDataProtection().SetApplicationName("checkout-fleet").PersistKeysToFileSystem(ring.Folder).Services.BuildServiceProvider();
            provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("warm-up").Protect("key ring created");
            return ring;
        }
        catch
        {
            ring.Dispose();
            throw;
        }
    }

    /// <summary>A key ring's folder, deleted on dispose (best effort: a failing test's own error is the one to see).</summary>
    public sealed class KeyRing : IDisposable
    {
        public KeyRing(DirectoryInfo folder) => Folder = folder;

        public DirectoryInfo Folder { get; }

        public void Dispose()
        {
            try
            {
                Folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A node killed on timeout may still hold a file; the temporary folder is then left to the system.
            }
        }
    }

    /// <summary>An instance's services: the Checkout client on the local server, HybridCache over Redis (under <paramref name="partition"/>), and data protection when given keys.</summary>
    public static ServiceProvider Client(CheckoutMockServer server, RedisServer redis, string partition, KeyRing? keys, DelegatingHandler? wire = null, Action<CheckoutOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHybridCache();
        services.AddStackExchangeRedisCache(o => { o.Configuration = redis.Configuration; o.InstanceName = partition; });
        if (keys is not null) services.AddDataProtection().SetApplicationName("checkout-fleet").PersistKeysToFileSystem(keys.Folder);
        var http = services.AddCheckoutClient(o =>
        {
            server.Configure(o);
            configure?.Invoke(o);
        });
        if (wire is not null) http.AddHttpMessageHandler(() => wire);
        return services.BuildServiceProvider();
    }

    /// <summary>A payment requested (not captured) and read back: two operations with different scopes.</summary>
    public static async Task<string> PayAsync(IPaymentsClient payments, bool capture = false)
    {
        var created = (await payments.RequestPaymentOrPayoutAsync(body: new PaymentRequest
        {
            Source = new PaymentRequestCardSource { Number = "4242424242424242", ExpiryMonth = 12, ExpiryYear = DateTime.UtcNow.Year + 2, Cvv = "100" },
            Amount = 1000,
            Currency = "GBP",
            Reference = "fleet",
            Capture = false,
        })).Created ?? throw new InvalidOperationException("The payment is pending (202), not authorised.");
        var id = created.Id ?? throw new InvalidOperationException("The payment response has no id.");
        if (capture) await payments.CapturePaymentAsync(id, body: new CaptureRequest { Amount = 1000 });
        else await payments.GetPaymentDetailsAsync(id);
        return id;
    }

    /// <summary>A webhook receiver on a loopback port running <paramref name="handler"/> through <c>MapCheckoutWebhooks</c>, deduplicating in Redis (or in memory when <paramref name="redis"/> is null).</summary>
    public static async Task<(WebApplication App, Uri Url)> ReceiverAsync(IConnectionMultiplexer? redis, string partition, Func<CheckoutWebhookEvent, HttpContext, Task> handler, TimeSpan? retention = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddCheckoutWebhooks(o => o.SignatureKeys.Add(SigningKey));
        Action<CheckoutWebhookDeduplicationOptions> options = o =>
        {
            o.KeyPrefix = partition;
            if (retention is { } kept) o.Retention = kept;
        };
        if (redis is null) builder.Services.AddCheckoutWebhookDeduplication(options);
        else builder.Services.AddCheckoutWebhookRedisDeduplication(_ => redis, options);
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapCheckoutWebhooks(WebhookPath, handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(new Uri(address), WebhookPath));
    }

    /// <summary>Records the bearer token of every request that reaches the wire (not the token requests' Basic credentials).</summary>
    public sealed class WireTokens : DelegatingHandler
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<string> _tokens = new();

        public string[] Tokens => _tokens.Distinct().ToArray();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Authorization is { Scheme: "Bearer", Parameter: { } token }) _tokens.Add(token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
