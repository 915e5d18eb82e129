using System;
using System.Net.Http;
using Checkout.Generated.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Checkout.Generated;

/// <summary>Builds generated clients without dependency injection (console apps, scripts, tests).</summary>
/// <remarks>
/// Create one factory per application and keep it: it owns the connection pool and the token cache, and is thread-safe.
/// Disposing it disposes the HTTP handler it created, not one passed in.
/// </remarks>
public sealed class CheckoutClientFactory : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly CheckoutInvoker _invoker;
    private readonly HttpClient _tokenClient;
    private readonly DelegatingHandler _handler;
    private readonly bool _ownsInnerHandler;
    private bool _disposed;

    /// <summary>Validates <paramref name="options"/> and prepares the HTTP pipeline; makes no network call.</summary>
    /// <param name="options">The configuration; read once, now.</param>
    /// <param name="innerHandler">The handler that sends requests (e.g. a test double); null uses a pooled socket handler.</param>
    /// <param name="loggerFactory">Where to log; null logs nothing.</param>
    /// <exception cref="CheckoutConfigurationException">The options are invalid.</exception>
    public CheckoutClientFactory(CheckoutOptions options, HttpMessageHandler? innerHandler = null, ILoggerFactory? loggerFactory = null)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        loggerFactory ??= NullLoggerFactory.Instance;
        var validation = new CheckoutOptionsValidator(loggerFactory).Validate(null, options);
        if (validation.Failed) throw new CheckoutConfigurationException(validation.Failures);

        var settings = new CheckoutSettings(options, options.TimeProvider ?? TimeProvider.System);
        _ownsInnerHandler = innerHandler is null;
        var wire = innerHandler ?? CreateDefaultHandler();

        // The token back channel: the same wire, none of the API handlers; its timeouts are its own (TokenBackChannel).
        _tokenClient = new HttpClient(wire, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var tokens = new TokenCache(settings, () => _tokenClient, loggerFactory.CreateLogger(LogCategories.Tokens));
        var logger = loggerFactory.CreateLogger(LogCategories.Http);
        _handler = new CheckoutTelemetryHandler(settings) { InnerHandler = new CheckoutHandler(settings, tokens, logger) { InnerHandler = wire } };
        _httpClient = new HttpClient(_handler, disposeHandler: false) { BaseAddress = settings.ClientBaseAddress };
        if (settings.ResilienceEnabled) _httpClient.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        _invoker = new CheckoutInvoker(_httpClient, settings);
    }

    /// <summary>The shared HTTP client (tests send tagged requests through it).</summary>
    internal HttpClient HttpClient => _httpClient;

    /// <summary>A client sharing this factory's pipeline: <see cref="ICheckoutClient"/> (every operation), or one tag's (<c>IPaymentsClient</c>, …).</summary>
    /// <exception cref="ArgumentException"><typeparamref name="TClient"/> is not a generated client.</exception>
    public TClient Create<TClient>()
        where TClient : class
    {
        if (_disposed) throw new ObjectDisposedException(nameof(CheckoutClientFactory));
        var client = CheckoutClientRegistry.For(typeof(TClient))
            ?? throw new ArgumentException($"{typeof(TClient).FullName} is not a generated Checkout client (such as ICheckoutClient or IPaymentsClient).", nameof(TClient));
        return (TClient)client.Create(_invoker);
    }

    /// <summary>Releases the HTTP pipeline; clients created from this factory stop working.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _httpClient.Dispose();
        _tokenClient.Dispose();
        if (_ownsInnerHandler) _handler.Dispose();
    }

    private static HttpMessageHandler CreateDefaultHandler()
    {
#if NET5_0_OR_GREATER
        // Recycle connections so DNS changes are seen, as IHttpClientFactory does by rotating handlers.
        return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
#else
        return new HttpClientHandler();
#endif
    }
}
