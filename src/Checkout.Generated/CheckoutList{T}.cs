using System.Collections.ObjectModel;

namespace Checkout.Generated;

/// <summary>A JSON array an operation returns, with the response metadata.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class CheckoutList<T> : Collection<T>
{
    /// <summary>The response metadata; null for a list you created.</summary>
    [Newtonsoft.Json.JsonIgnore]
    public CheckoutResponse? CheckoutResponse { get; set; }
}
