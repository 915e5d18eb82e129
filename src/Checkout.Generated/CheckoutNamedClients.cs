using System;
using System.Collections.Generic;
using System.Linq;
using Checkout.Generated.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.Generated;

/// <summary>
/// Creates the clients of the accounts registered with <c>AddCheckoutClient(name, …)</c> by a name known only at run time
/// (a tenant, a region); where the name is fixed, inject <c>[FromKeyedServices("eu")] ICheckoutClient</c> instead.
/// </summary>
/// <remarks>Registered by every named <c>AddCheckoutClient</c>; thread-safe.</remarks>
public sealed class CheckoutNamedClients
{
    private readonly IServiceProvider _services;
    private readonly IReadOnlyList<string> _names;

    /// <summary>Used by dependency injection.</summary>
    public CheckoutNamedClients(IServiceProvider services)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _names = services.GetServices<CheckoutNamedRegistration>().Select(r => r.Name).ToList();
    }

    /// <summary>The names registered, in registration order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The account's <see cref="ICheckoutClient"/> or one of its tag clients (<c>IPaymentsClient</c>, …).</summary>
    /// <exception cref="ArgumentException">No account has that name, or <typeparamref name="TClient"/> is not a generated client.</exception>
    public TClient Create<TClient>(string name)
        where TClient : class
    {
        if (name is null || !_names.Contains(name, StringComparer.Ordinal))
        {
            var known = _names.Count == 0 ? "none" : string.Join(", ", _names);
            throw new ArgumentException($"No Checkout account named '{name}' is registered (registered: {known}): call services.AddCheckoutClient(\"{name}\", …).", nameof(name));
        }

        if (CheckoutClientRegistry.For(typeof(TClient)) is null)
            throw new ArgumentException($"{typeof(TClient).FullName} is not a generated Checkout client (such as ICheckoutClient or IPaymentsClient).", nameof(TClient));
        return _services.GetRequiredKeyedService<TClient>(name);
    }
}
