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

    /// <summary>
    /// The name of the HTTP client OAuth token requests go through (the token back channel): none of the API client's
    /// handlers, its primary handler; <c>AddHttpClient(TokenHttpClientName)</c> adds handlers of your own to it.
    /// </summary>
    public const string TokenHttpClientName = "Checkout.Generated.Tokens";

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

    /// <summary>
    /// Registers a named account: <see cref="ICheckoutClient"/> and every tag client as keyed services
    /// (<c>[FromKeyedServices("eu")] ICheckoutClient</c>), with their own options (bound to <paramref name="configuration"/>),
    /// validation at start, token cache partition, HTTP client (<c>Checkout.Generated:{name}</c>) and telemetry tag <c>checkout.client</c>;
    /// <see cref="CheckoutNamedClients"/> creates them by a name known at run time.
    /// </summary>
    /// <returns>The builder of the account's HTTP client.</returns>
    public static IHttpClientBuilder AddCheckoutClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        if (configuration is null) throw new ArgumentNullException(nameof(configuration));
        services.AddOptions<CheckoutOptions>(CheckName(name)).Bind(configuration);
        return AddNamedCheckoutClient(services, name);
    }

    /// <summary>Registers a named account configured in code: keyed clients with their own options, validation, token cache partition and telemetry tag.</summary>
    /// <returns>The builder of the account's HTTP client.</returns>
    public static IHttpClientBuilder AddCheckoutClient(this IServiceCollection services, string name, Action<CheckoutOptions> configure)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        services.AddOptions<CheckoutOptions>(CheckName(name)).Configure(configure);
        return AddNamedCheckoutClient(services, name);
    }

    private static string CheckName(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("The account name is empty: give each named Checkout client a name such as \"eu\", or use the overload without a name.", nameof(name)) : name;

    private static IHttpClientBuilder AddCheckoutClientCore(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(CheckoutRegistration))) return services.AddHttpClient(HttpClientName);
        services.AddSingleton<CheckoutRegistration>();

        services.AddOptions<CheckoutOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CheckoutOptions>, CheckoutOptionsValidator>());
        services.TryAddSingleton(sp => CheckoutPipeline.CreateSettings(sp, null));
        services.TryAddSingleton(sp => CheckoutPipeline.CreateTokens(sp, sp.GetRequiredService<CheckoutSettings>()));

        // ICheckoutClient and one client per tag, as listed by the generated registry.
        foreach (var client in CheckoutClientRegistry.All)
        {
            var type = client;
            services.TryAddTransient(type.Implementation, sp => type.Create(new CheckoutInvoker(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), sp.GetRequiredService<CheckoutSettings>())));
            services.TryAddTransient(type.Contract, sp => sp.GetRequiredService(type.Implementation));
        }

        return CheckoutPipeline.AddHttpClient(services, null, sp => sp.GetRequiredService<CheckoutSettings>(), sp => sp.GetRequiredService<TokenCache>());
    }

    private static IHttpClientBuilder AddNamedCheckoutClient(IServiceCollection services, string name)
    {
        var httpClientName = CheckoutPipeline.HttpClientName(name);
        if (services.Any(d => d.ImplementationInstance is CheckoutNamedRegistration r && r.Name == name)) return services.AddHttpClient(httpClientName);
        services.AddSingleton(new CheckoutNamedRegistration(name));
        services.TryAddSingleton<CheckoutNamedClients>();

        services.AddOptions<CheckoutOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CheckoutOptions>, CheckoutOptionsValidator>());
        services.AddKeyedSingleton(name, (sp, _) => CheckoutPipeline.CreateSettings(sp, name));
        services.AddKeyedSingleton(name, (sp, _) => CheckoutPipeline.CreateTokens(sp, sp.GetRequiredKeyedService<CheckoutSettings>(name)));
        foreach (var client in CheckoutClientRegistry.All)
        {
            var type = client;
            services.Add(ServiceDescriptor.KeyedTransient(type.Implementation, name, (sp, _) => type.Create(new CheckoutInvoker(sp.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName), sp.GetRequiredKeyedService<CheckoutSettings>(name)))));
            services.Add(ServiceDescriptor.KeyedTransient(type.Contract, name, (sp, key) => sp.GetRequiredKeyedService(type.Implementation, key)));
        }

        return CheckoutPipeline.AddHttpClient(services, name, sp => sp.GetRequiredKeyedService<CheckoutSettings>(name), sp => sp.GetRequiredKeyedService<TokenCache>(name));
    }
}
