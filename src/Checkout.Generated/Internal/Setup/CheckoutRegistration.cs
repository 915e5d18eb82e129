namespace Checkout.Generated.Internal;

/// <summary>Marks a service collection that already has the Checkout client core, so registration stays idempotent.</summary>
internal sealed class CheckoutRegistration
{
}
