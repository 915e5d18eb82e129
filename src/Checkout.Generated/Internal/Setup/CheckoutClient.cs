namespace Checkout.Generated.Internal;

/// <summary>Implements <see cref="ICheckoutClient"/>; the generated half creates each client on first use, all sending through one <see cref="CheckoutInvoker"/>.</summary>
internal sealed partial class CheckoutClient : ICheckoutClient
{
    private readonly CheckoutInvoker _invoker;

    public CheckoutClient(CheckoutInvoker invoker) => _invoker = invoker;
}
