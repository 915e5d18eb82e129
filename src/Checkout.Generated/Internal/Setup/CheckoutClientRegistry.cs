using System.Collections.Generic;
using System.Linq;

namespace Checkout.Generated.Internal;

/// <summary>Every client the factory and <c>AddCheckoutClient</c> provide: <see cref="ICheckoutClient"/> and one per tag, as generated with the catalog.</summary>
internal static partial class CheckoutClientRegistry
{
    private static readonly CheckoutClientRegistration[] Clients =
        new[] { new CheckoutClientRegistration(typeof(ICheckoutClient), typeof(CheckoutClient), invoker => new CheckoutClient(invoker)) }
            .Concat(CreateClients()).ToArray();

    /// <summary><see cref="ICheckoutClient"/> first, then the tag clients in spec order.</summary>
    public static IReadOnlyList<CheckoutClientRegistration> All => Clients;

    /// <summary>The client registered for <paramref name="type"/> (interface or class), or null.</summary>
    public static CheckoutClientRegistration? For(System.Type type) => Clients.FirstOrDefault(c => c.Contract == type || c.Implementation == type);

    private static partial CheckoutClientRegistration[] CreateClients();
}
