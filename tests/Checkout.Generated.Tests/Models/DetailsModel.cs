using System;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Tests.Models;

/// <summary>
/// The model <c>GET /payments/{id}</c> returns in the release the tests were built from (<c>PaymentDetails</c>, the
/// previous platform's <c>Payment</c>), inferred from the client method rather than named, so the tests compile from
/// every release; its members are reached through <c>dynamic</c>.
/// </summary>
internal static class DetailsModel
{
    public static dynamic? Deserialize(string body) => DeserializeAs(p => p.GetPaymentDetailsAsync("pay_1"), body);

    public static dynamic? ToObject(JObject body) => ToObjectAs(p => p.GetPaymentDetailsAsync("pay_1"), body);

    /// <summary>Whether <see cref="CheckoutJson.Deserialize{T}"/> into the details model throws an exception of type <typeparamref name="TException"/>.</summary>
    public static TException? Throws<TException>(string body) where TException : Exception
    {
        try
        {
            Deserialize(body);
            return null;
        }
        catch (TException e)
        {
            return e;
        }
    }

    private static T? DeserializeAs<T>(Func<IPaymentsClient, Task<T>> returnedBy, string body) => CheckoutJson.Deserialize<T>(body);

    private static T? ToObjectAs<T>(Func<IPaymentsClient, Task<T>> returnedBy, JObject body) => CheckoutJson.ToObject<T>(body);
}
