using System;

namespace Checkout.Generated.Internal;

/// <summary>One generated client: its interface, its class and how to create it over a <see cref="CheckoutInvoker"/>.</summary>
internal sealed class CheckoutClientRegistration
{
    public CheckoutClientRegistration(Type contract, Type implementation, Func<CheckoutInvoker, object> create)
    {
        Contract = contract;
        Implementation = implementation;
        Create = create;
    }

    /// <summary>The interface, e.g. <c>IPaymentsClient</c>.</summary>
    public Type Contract { get; }

    /// <summary>The class, e.g. <c>PaymentsClient</c>.</summary>
    public Type Implementation { get; }

    /// <summary>Creates the client sending through the given call core.</summary>
    public Func<CheckoutInvoker, object> Create { get; }
}
