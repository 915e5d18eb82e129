using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.AspNetCore;
using Checkout.Generated.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Checkout.Generated.Shop;

/// <summary>The shop on 127.0.0.1 with its own local Checkout server, which sends the shop its signed webhooks.</summary>
public sealed class ShopHost : IAsyncDisposable
{
    /// <summary>The key the local server signs webhooks with and the shop verifies them with (a local test value).</summary>
    public const string WebhookKey = "local-shop-webhook-key";

    private readonly WebApplication _app;

    private ShopHost(WebApplication app, Uri url, CheckoutMockServer checkout)
    {
        _app = app;
        Url = url;
        Checkout = checkout;
    }

    /// <summary>The shop's address (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri Url { get; }

    /// <summary>The local Checkout server the shop pays against.</summary>
    public CheckoutMockServer Checkout { get; }

    /// <summary>The shop's orders.</summary>
    public OrderBook Orders => _app.Services.GetRequiredService<OrderBook>();

    /// <summary>Starts the local Checkout server and the shop on <paramref name="port"/> (0: a free port).</summary>
    public static async Task<ShopHost> StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        // The local server needs the shop's webhook URL before the shop (which validates its Checkout options on start) can start.
        var url = new Uri($"http://127.0.0.1:{(port == 0 ? FreePort() : port)}/");
        var checkout = await CheckoutMockServer.StartAsync(new CheckoutMockServerOptions
        {
            Lifetime = null,
            Webhooks = { Url = new Uri(url, ShopWebhooks.Path.TrimStart('/')), SignatureKey = WebhookKey },
        }, cancellationToken).ConfigureAwait(false);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, url.Port));
        builder.Services.AddSingleton<OrderBook>();
        builder.Services.AddSingleton<ShopWebhooks>();
        builder.Services.AddTransient<ShopPayments>();
        builder.Services.AddCheckoutClient(options => checkout.Configure(options));
        builder.Services.AddCheckoutWebhooks(options => options.SignatureKeys.Add(WebhookKey));
        var app = builder.Build();
        ShopEndpoints.Map(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            return new ShopHost(app, url, checkout);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await checkout.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the shop and its local Checkout server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await Checkout.DisposeAsync().ConfigureAwait(false);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
