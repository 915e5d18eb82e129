namespace Checkout.Generated;

/// <summary>The Checkout.com API in one place: one property per client (<c>checkout.Payments</c>, <c>checkout.Disputes</c>, …), generated with the catalog.</summary>
/// <remarks>Get it from <c>AddCheckoutClient</c> (inject <see cref="ICheckoutClient"/>) or <see cref="CheckoutClientFactory.Create{TClient}"/>; it is cheap and thread-safe.</remarks>
public partial interface ICheckoutClient
{
}
