using System;
using Checkout.Generated.AspNetCore.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Checkout.Generated.AspNetCore;

/// <summary>Makes <see cref="CheckoutWebhookEndpointRouteBuilderExtensions.MapCheckoutWebhooks"/> run its handler at most once per event id.</summary>
public static class CheckoutWebhookDeduplicationServiceCollectionExtensions
{
    /// <summary>Deduplicates in this process's memory: enough for one instance; several instances need a shared store (Redis).</summary>
    public static IServiceCollection AddCheckoutWebhookDeduplication(this IServiceCollection services, Action<CheckoutWebhookDeduplicationOptions>? configure = null)
    {
        AddOptions(services, configure);
        services.TryAddSingleton<ICheckoutWebhookStore>(sp => new MemoryWebhookStore(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return services;
    }

    /// <summary>
    /// Deduplicates in Redis, shared by every instance connected to it: each delivery claims the event id atomically
    /// (<c>SET key owner NX PX timeout</c>) and records it as handled only after the handler succeeded.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="connection">The app's Redis connection (a singleton <see cref="IConnectionMultiplexer"/>).</param>
    /// <param name="configure">Retention, claim timeout and key prefix.</param>
    public static IServiceCollection AddCheckoutWebhookRedisDeduplication(this IServiceCollection services, Func<IServiceProvider, IConnectionMultiplexer> connection, Action<CheckoutWebhookDeduplicationOptions>? configure = null)
    {
        if (connection is null) throw new ArgumentNullException(nameof(connection));
        AddOptions(services, configure);
        services.TryAddSingleton<ICheckoutWebhookStore>(sp => new RedisWebhookStore(connection(sp), sp.GetRequiredService<IOptions<CheckoutWebhookDeduplicationOptions>>().Value.KeyPrefix));
        return services;
    }

    private static void AddOptions(IServiceCollection services, Action<CheckoutWebhookDeduplicationOptions>? configure)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        services.AddOptions<CheckoutWebhookDeduplicationOptions>().Configure(configure ?? (_ => { }))
            .Validate(o => o.Retention > TimeSpan.Zero, "CheckoutWebhookDeduplicationOptions.Retention must be positive.")
            .Validate(o => o.ClaimTimeout > TimeSpan.Zero, "CheckoutWebhookDeduplicationOptions.ClaimTimeout must be positive (longer than the slowest handler).")
            .Validate(o => o.KeyPrefix is not null, "CheckoutWebhookDeduplicationOptions.KeyPrefix must not be null.")
            .ValidateOnStart();
    }
}
