using System;
using System.Linq;
using System.Net.Http;
using Checkout.Generated;
using Checkout.Generated.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the generated Checkout.com clients with <see cref="IHttpClientFactory"/>.</summary>
public static class CheckoutServiceCollectionExtensions
{
    /// <summary>The name of the HTTP client every generated Checkout client sends through.</summary>
    public const string HttpClientName = "Checkout.Generated";

    /// <summary>Registers <see cref="ICheckoutClient"/> and every tag client, bound to <paramref name="configuration"/> (usually <c>GetSection("Checkout")</c>), validated at start.</summary>
    /// <returns>The builder of the shared HTTP client, to chain handlers (e.g. resilience).</returns>
    public static IHttpClientBuilder AddCheckoutClient(this IServiceCollection services, IConfiguration configuration)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        if (configuration is null) throw new ArgumentNullException(nameof(configuration));
        services.AddOptions<CheckoutOptions>().Bind(configuration);
        return AddCheckoutClientCore(services);
    }

    /// <summary>Registers <see cref="ICheckoutClient"/> and every tag client, configured in code, validated at start.</summary>
    /// <returns>The builder of the shared HTTP client, to chain handlers (e.g. resilience).</returns>
    public static IHttpClientBuilder AddCheckoutClient(this IServiceCollection services, Action<CheckoutOptions> configure)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        services.AddOptions<CheckoutOptions>().Configure(configure);
        return AddCheckoutClientCore(services);
    }

    private static IHttpClientBuilder AddCheckoutClientCore(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(CheckoutRegistration))) return services.AddHttpClient(HttpClientName);
        services.AddSingleton<CheckoutRegistration>();

        services.AddOptions<CheckoutOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CheckoutOptions>, CheckoutOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CheckoutOptions>>().Value;
            return new CheckoutSettings(options, options.TimeProvider ?? sp.GetService<TimeProvider>() ?? TimeProvider.System);
        });
        services.TryAddSingleton(sp => new TokenCache(
            sp.GetRequiredService<CheckoutSettings>(),
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategories.Tokens)));

        // ICheckoutClient and one client per tag, as listed by the generated registry.
        foreach (var client in CheckoutClientRegistry.All)
        {
            var type = client;
            services.TryAddTransient(type.Implementation, sp => type.Create(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
            services.TryAddTransient(type.Contract, sp => sp.GetRequiredService(type.Implementation));
        }

        return services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((sp, http) =>
            {
                var settings = sp.GetRequiredService<CheckoutSettings>();
                http.BaseAddress = settings.ClientBaseAddress;

                // The pipeline's total timeout bounds each call; HttpClient.Timeout would cut it short and escape as a bare TaskCanceledException.
                if (settings.ResilienceEnabled) http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(sp => new CheckoutTelemetryHandler(sp.GetRequiredService<CheckoutSettings>()))
            .AddHttpMessageHandler(sp => new CheckoutResilienceHandler(
                sp.GetRequiredService<CheckoutSettings>(),
                sp.GetRequiredService<TokenCache>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategories.Http)))
            .AddHttpMessageHandler(sp => new CheckoutHandler(
                sp.GetRequiredService<CheckoutSettings>(),
                sp.GetRequiredService<TokenCache>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategories.Http)))
            .RedactLoggedHeaders(new[] { "Authorization", "Proxy-Authorization" });
    }
}
