using System;
using System.Net.Http;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Checkout.Generated.Internal;

/// <summary>What one registration (the unnamed one or a named one) is made of: settings, token cache and HTTP pipeline.</summary>
internal static class CheckoutPipeline
{
    /// <summary>The HTTP client name of a registration: the shared name, with <c>:{name}</c> for a named one.</summary>
    public static string HttpClientName(string? name) => name is null ? CheckoutServiceCollectionExtensions.HttpClientName : CheckoutServiceCollectionExtensions.HttpClientName + ":" + name;

    /// <summary>The HTTP client name of a registration's token back channel: <c>Checkout.Generated.Tokens</c>, with <c>:{name}</c> for a named one.</summary>
    public static string TokenHttpClientName(string? name) => name is null ? CheckoutServiceCollectionExtensions.TokenHttpClientName : CheckoutServiceCollectionExtensions.TokenHttpClientName + ":" + name;

    /// <summary>The validated options of the registration (named options for a named one) resolved into settings.</summary>
    public static CheckoutSettings CreateSettings(IServiceProvider services, string? name)
    {
        var options = name is null
            ? services.GetRequiredService<IOptions<CheckoutOptions>>().Value
            : services.GetRequiredService<IOptionsMonitor<CheckoutOptions>>().Get(name);
        return new CheckoutSettings(options, options.TimeProvider ?? services.GetService<TimeProvider>() ?? TimeProvider.System, name);
    }

    /// <summary>The registration's token cache, over the app's HybridCache when it registered one (and the options allow it).</summary>
    public static TokenCache CreateTokens(IServiceProvider services, CheckoutSettings settings)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategories.Tokens);
        var httpClientName = TokenHttpClientName(settings.Name);
        ITokenStore? store = null;
        if (settings.UseHybridCache && services.GetService<HybridCache>() is { } cache)
        {
            var protector = services.GetService<IDataProtectionProvider>()?.CreateProtector(HybridTokenStore.Purpose);
            store = new HybridTokenStore(cache, protector, settings, logger);
        }

        return new TokenCache(settings, () => services.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName), logger, store);
    }

    /// <summary>
    /// Registers the registration's HTTP clients: the API's (base address, then the telemetry and Checkout
    /// handlers) and the token back channel's (none of those handlers; the API client's primary handler).
    /// </summary>
    public static IHttpClientBuilder AddHttpClient(IServiceCollection services, string? name, Func<IServiceProvider, CheckoutSettings> settings, Func<IServiceProvider, TokenCache> tokens)
    {
        var apiName = HttpClientName(name);
        services.AddHttpClient(TokenHttpClientName(name))
            // Each token request has its own timeout, on the options' clock (TokenBackChannel).
            .ConfigureHttpClient(http => http.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => PrimaryHandlerProbe.Of(sp, apiName) ?? new HttpClientHandler())
            .RedactLoggedHeaders(new[] { "Authorization", "Proxy-Authorization" });

        return services.AddHttpClient(apiName)
            .ConfigureHttpClient((sp, http) =>
            {
                var resolved = settings(sp);
                http.BaseAddress = resolved.ClientBaseAddress;

                // The pipeline's total timeout bounds each call; HttpClient.Timeout would cut it short and escape as a bare TaskCanceledException.
                if (resolved.ResilienceEnabled) http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(sp => new CheckoutTelemetryHandler(settings(sp)))
            .AddHttpMessageHandler(sp => new CheckoutHandler(settings(sp), tokens(sp), sp.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategories.Http)))
            .RedactLoggedHeaders(new[] { "Authorization", "Proxy-Authorization" });
    }
}
