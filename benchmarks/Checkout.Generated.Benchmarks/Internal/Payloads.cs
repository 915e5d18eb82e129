using System;
using System.IO;
using System.Text;

namespace Checkout.Generated.Benchmarks.Internal;

/// <summary>Canned bodies: synthetic, shaped like Checkout.com's documented responses.</summary>
internal static class Payloads
{
    /// <summary>A card payment response (201 to <c>POST /payments</c>), about 2.5 KB.</summary>
    public static string PaymentResponse { get; } = Resource("payment-response.json");

    /// <summary>A card payment request (<c>POST /payments</c> with a card source), about 1.5 KB.</summary>
    public static string CardPaymentRequest { get; } = Resource("card-payment-request.json");

    /// <summary>A minimal <c>GET /payments/{id}</c> body, so request benchmarks measure the pipeline rather than JSON.</summary>
    public static byte[] SmallPaymentDetails { get; } = Encoding.UTF8.GetBytes(
        "{\"id\":\"" + Fixtures.PaymentId + "\",\"requested_on\":\"2026-11-24T04:13:22Z\",\"amount\":6540,\"currency\":\"GBP\"," +
        "\"approved\":true,\"status\":\"Authorized\",\"_links\":{\"self\":{\"href\":\"https://vkuhvk4v.api.sandbox.checkout.com/payments/" + Fixtures.PaymentId + "\"}}}");

    /// <summary>A client-credentials token response valid for an hour.</summary>
    public static byte[] Token { get; } = Encoding.UTF8.GetBytes(
        "{\"access_token\":\"" + Fixtures.AccessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"gateway:payment-details\"}");

    private static string Resource(string name)
    {
        using var stream = typeof(Payloads).Assembly.GetManifestResourceStream("Payloads." + name)
            ?? throw new InvalidOperationException($"Embedded resource Payloads.{name} is missing from the benchmark assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
