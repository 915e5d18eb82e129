using Checkout.Generated.Models;
using System;
using Newtonsoft.Json;

namespace Checkout.Generated.Benchmarks.Internal;

/// <summary>
/// A full card payment request as a merchant composes it (card, addresses, customer, 3DS, risk, metadata), read from
/// JSON so that the benchmarks compile against every spec release: a field a release does not model stays in
/// <c>AdditionalProperties</c> and is still written.
/// </summary>
internal static class CardPayment
{
    public static PaymentRequest Compose(JsonSerializerSettings settings) =>
        JsonConvert.DeserializeObject<PaymentRequest>(Payloads.CardPaymentRequest, settings)
        ?? throw new InvalidOperationException("The card payment request payload is null.");
}
