namespace Checkout.Generated.Shop;

/// <summary>Where an order is.</summary>
public enum OrderStatus
{
    /// <summary>Created, not paid yet.</summary>
    AwaitingPayment,

    /// <summary>The shopper was sent to the 3DS challenge.</summary>
    AwaitingAuthentication,

    /// <summary>The payment was approved.</summary>
    Paid,

    /// <summary>The payment was declined or the shopper failed 3DS.</summary>
    Failed,
}
