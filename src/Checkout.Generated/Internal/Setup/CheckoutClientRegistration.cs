using System;
using System.Net.Http;

namespace Checkout.Generated.Internal;

/// <summary>One generated client: its interface, its class and how to create it over an <see cref="HttpClient"/>.</summary>
internal sealed class CheckoutClientRegistration
{
    public CheckoutClientRegistration(Type contract, Type implementation, Func<HttpClient, object> create)
    {
        Contract = contract;
        Implementation = implementation;
        Create = create;
    }

    /// <summary>The interface, e.g. <c>IPaymentsClient</c>.</summary>
    public Type Contract { get; }

    /// <summary>The class, e.g. <c>PaymentsClient</c>.</summary>
    public Type Implementation { get; }

    /// <summary>Creates the client sending through the given HTTP client.</summary>
    public Func<HttpClient, object> Create { get; }
}
