using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Testing.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Checkout.Generated.Testing;

/// <summary>A local, spec-driven Checkout.com server on 127.0.0.1: one loopback port per host kind (api, access, files, …).</summary>
/// <remarks>Stops when disposed, or by itself after <see cref="CheckoutMockServerOptions.Lifetime"/>.</remarks>
public sealed class CheckoutMockServer : IAsyncDisposable
{
    private const string HostKindItem = "Checkout.Generated.Testing.HostKind";
    private readonly WebApplication _app;
    private readonly MockEndpoint _endpoint;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource _stoppedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stopped;

    private CheckoutMockServer(WebApplication app, MockEndpoint endpoint, IReadOnlyDictionary<string, Uri> baseAddresses, CheckoutMockServerOptions options)
    {
        _app = app;
        _endpoint = endpoint;
        BaseAddresses = baseAddresses;
        Options = options;
    }

    /// <summary>The base URL of each host kind (<c>api</c>, <c>access</c>, <c>files</c>, <c>transfers</c>, <c>balances</c>, …).</summary>
    public IReadOnlyDictionary<string, Uri> BaseAddresses { get; }

    /// <summary>The OAuth token endpoint (<c>POST /connect/token</c> on the access host).</summary>
    public Uri TokenEndpoint => new(BaseAddresses["access"], "connect/token");

    /// <summary>The settings the server runs with (clients, keys, lifetime).</summary>
    public CheckoutMockServerOptions Options { get; }

    /// <summary>Completes when the server has stopped (disposed, or its lifetime ran out).</summary>
    public Task Stopped => _stoppedSignal.Task;

    /// <summary>The number of requests the server has routed to each operation id.</summary>
    public IReadOnlyDictionary<string, int> RequestCounts => new Dictionary<string, int>(_endpoint.Counts, StringComparer.Ordinal);

    /// <summary>The payment lifecycle: the payments created.</summary>
    internal MockPaymentFlow Payments => _endpoint.Payments;

    /// <summary>The disputes raised.</summary>
    internal MockDisputeFlow Disputes => _endpoint.Disputes;

    /// <summary>Starts a server on free loopback ports.</summary>
    public static async Task<CheckoutMockServer> StartAsync(CheckoutMockServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CheckoutMockServerOptions();
        WebhookSender.Validate(options.Webhooks ?? throw new ArgumentException("CheckoutMockServerOptions.Webhooks is null.", nameof(options)));
        if (options.SettlementDelay < TimeSpan.Zero) throw new ArgumentException("CheckoutMockServerOptions.SettlementDelay must not be negative.", nameof(options));
        var hosts = CheckoutOperationCatalog.All.Select(o => o.Host).Append("access").Distinct(StringComparer.Ordinal).OrderBy(h => h, StringComparer.Ordinal).ToList();
        var listeners = new Dictionary<string, ListenOptions>(StringComparer.Ordinal);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            // One port per host kind, chosen by the OS when bound; each connection is tagged with its listener's host kind.
            foreach (var host in hosts)
            {
                kestrel.Listen(IPAddress.Loopback, 0, listen =>
                {
                    listeners[host] = listen;
                    listen.Use(next => connection =>
                    {
                        connection.Items[HostKindItem] = host;
                        return next(connection);
                    });
                });
            }
        });
        var app = builder.Build();
        var endpoint = new MockEndpoint(options);
        app.Run(context => endpoint.HandleAsync(context, HostKind(context, hosts)));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A failed or cancelled start must not leave bound ports and the host behind.
            await app.DisposeAsync().ConfigureAwait(false);
            await endpoint.Webhooks.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var server = new CheckoutMockServer(app, endpoint, listeners.ToDictionary(p => p.Key, p => new Uri($"http://127.0.0.1:{((IPEndPoint)p.Value.EndPoint).Port}/"), StringComparer.Ordinal), options);
        endpoint.ApiBase = server.BaseAddresses.TryGetValue("api", out var api) ? api : null;
        if (options.Lifetime is { } lifetime)
        {
            _ = Task.Delay(lifetime, options.TimeProvider, server._lifetime.Token).ContinueWith(t => t.IsCanceled ? Task.CompletedTask : server.DisposeAsync().AsTask(), TaskScheduler.Default);
        }

        return server;
    }

    /// <summary>Points <paramref name="options"/> at this server: every host kind, the token endpoint, and the default client's access key (the secret key for a spec without OAuth).</summary>
    /// <returns>The same options, for chaining.</returns>
    public CheckoutOptions Configure(CheckoutOptions options)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        foreach (var pair in BaseAddresses) options.BaseAddresses[pair.Key] = pair.Value;
        options.TokenEndpoint = TokenEndpoint;
        var spec = CheckoutOperationCatalog.Spec;
        if (spec.AccountSpecificHosts && string.IsNullOrEmpty(options.AccountPrefix) && string.IsNullOrEmpty(options.ClientId)) options.AccountPrefix = Options.AccountPrefix;
        var client = Options.Clients.FirstOrDefault();
        var acceptsOAuth = CheckoutOperationCatalog.All.Any(o => o.Credentials.HasFlag(CheckoutCredentialKinds.OAuth));
        if (acceptsOAuth && client is not null && string.IsNullOrEmpty(options.AccessKeyId))
        {
            options.AccessKeyId = client.ClientId;
            options.AccessKeySecret = client.ClientSecret;
        }
        else if (!acceptsOAuth && string.IsNullOrEmpty(options.SecretKey))
        {
            options.SecretKey = Options.SecretKeys.FirstOrDefault();   // a spec without OAuth (the previous platform): its secret key
        }

        if (string.IsNullOrEmpty(options.PublicKey)) options.PublicKey = Options.PublicKeys.FirstOrDefault();
        return options;
    }

    /// <summary>Injects a fault (status, delay, malformed body, reset before or after processing) into matching requests, by count and probability.</summary>
    public void InjectFault(CheckoutMockFault fault) => _endpoint.AddFault(fault ?? throw new ArgumentNullException(nameof(fault)));

    /// <summary>The number of requests the server has routed to this operation.</summary>
    public int RequestCount(string operationId) => _endpoint.Counts.TryGetValue(operationId, out var count) ? count : 0;

    /// <summary>Every webhook queued so far, in the order the actions happened (see <see cref="CheckoutMockServerOptions.Webhooks"/>).</summary>
    public IReadOnlyList<CheckoutMockWebhook> Webhooks => _endpoint.Webhooks.All;

    /// <summary>
    /// Waits for the first <paramref name="count"/> webhooks about a payment (<c>pay_…</c>) or a dispute (<c>dsp_…</c>) to be
    /// delivered or given up on, and returns them in order.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server sends no webhooks (no <see cref="CheckoutMockWebhookOptions.Url"/>).</exception>
    public Task<IReadOnlyList<CheckoutMockWebhook>> WaitForWebhooksAsync(string paymentId, int count, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(paymentId)) throw new ArgumentException("The payment id is empty.", nameof(paymentId));
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "Wait for at least one webhook.");
        if (!_endpoint.Webhooks.Enabled) throw new InvalidOperationException("The server sends no webhooks: set CheckoutMockServerOptions.Webhooks.Url to the receiver's loopback URL.");
        return _endpoint.Webhooks.WaitAsync(paymentId, count, cancellationToken);
    }

    /// <summary>The tokens issued so far, by client id and requested scope (<c>{client id} {scope}</c>).</summary>
    internal IReadOnlyDictionary<string, int> TokenRequests => new Dictionary<string, int>(_endpoint.Authority.Issued, StringComparer.Ordinal);

    /// <summary>Revokes every token issued so far: a call with one of them answers 401.</summary>
    internal void RevokeTokens() => _endpoint.Authority.RevokeTokens();

    /// <summary>Delivers every webhook sent so far again, <paramref name="copies"/> times to each loopback receiver, all at once, each copy with retries.</summary>
    internal Task<IReadOnlyList<WebhookCopy>> DeliverWebhookCopiesAsync(IReadOnlyList<Uri> receivers, int copies) => _endpoint.Webhooks.DeliverCopiesAsync(receivers, copies);

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        _lifetime.Cancel();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _endpoint.Webhooks.DisposeAsync().ConfigureAwait(false);
        _lifetime.Dispose();
        _stoppedSignal.TrySetResult();
    }

    private static string HostKind(HttpContext context, List<string> hosts)
    {
        var label = context.Request.Host.Host.Split('.')[0];
        if (hosts.Contains(label, StringComparer.OrdinalIgnoreCase)) return label.ToLowerInvariant();
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        return items is not null && items.TryGetValue(HostKindItem, out var host) && host is string kind ? kind : "api";
    }
}
