namespace Checkout.Generated.Internal;

/// <summary>One named registration (<c>AddCheckoutClient("eu", …)</c>): makes it idempotent and lists it in <see cref="CheckoutNamedClients"/>.</summary>
internal sealed class CheckoutNamedRegistration
{
    public CheckoutNamedRegistration(string name) => Name = name;

    public string Name { get; }
}
