using System;
using Checkout.Generated.AspNetCore.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Checkout.Generated.AspNetCore;

/// <summary>Registers what <see cref="CheckoutWebhookEndpointRouteBuilderExtensions.MapCheckoutWebhooks"/> needs: the options, validated at start-up, and the verifier.</summary>
public static class CheckoutWebhookServiceCollectionExtensions
{
    /// <summary>Binds <see cref="CheckoutWebhookOptions"/> from configuration (usually the <c>Checkout:Webhooks</c> section).</summary>
    public static IServiceCollection AddCheckoutWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration is null) throw new ArgumentNullException(nameof(configuration));
        return services.AddCheckoutWebhooks(configuration.Bind);
    }

    /// <summary>Configures <see cref="CheckoutWebhookOptions"/> in code.</summary>
    public static IServiceCollection AddCheckoutWebhooks(this IServiceCollection services, Action<CheckoutWebhookOptions> configure)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        if (configure is null) throw new ArgumentNullException(nameof(configure));
        services.AddOptions<CheckoutWebhookOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CheckoutWebhookOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton(provider => new CheckoutWebhookVerifier(provider.GetRequiredService<IOptions<CheckoutWebhookOptions>>().Value));
        return services;
    }
}
