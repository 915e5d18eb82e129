using System;
using System.IO;
using System.Text;
using Newtonsoft.Json;

namespace Checkout.Generated.Benchmarks.Internal;

/// <summary>Canned bodies: synthetic, shaped like Checkout.com's documented responses.</summary>
internal static class Payloads
{
    /// <summary>A card payment request (<c>POST /payments</c> with a card source): 1,309 B compact.</summary>
    public static string CardPaymentRequest { get; } = Compact(Resource("card-payment-request.json"));

    /// <summary>The 201 answer to that request, compact UTF-8 (about 1.5 KB).</summary>
    public static byte[] PaymentCreated { get; } = Encoding.UTF8.GetBytes(Compact(Resource("payment-created.json")));

    /// <summary>The same 201 answer with its <c>source</c> starting with <c>id</c> rather than <c>type</c> (same bytes otherwise), as real answers often are.</summary>
    public static byte[] PaymentCreatedIdFirst { get; } = Encoding.UTF8.GetBytes(Compact(Resource("payment-created-id-first.json")));

    /// <summary>The <c>GET /payments/{id}</c> answer for that payment, compact UTF-8 (about 2.1 KB).</summary>
    public static byte[] PaymentDetails { get; } = Encoding.UTF8.GetBytes(Compact(Resource("payment-details.json")));

    /// <summary>A minimal <c>GET /payments/{id}</c> body, so request benchmarks measure the pipeline rather than JSON.</summary>
    public static byte[] SmallPaymentDetails { get; } = Encoding.UTF8.GetBytes(
        "{\"id\":\"" + Fixtures.PaymentId + "\",\"requested_on\":\"2026-11-24T04:13:22Z\",\"amount\":6540,\"currency\":\"GBP\"," +
        "\"approved\":true,\"status\":\"Authorized\",\"_links\":{\"self\":{\"href\":\"https://vkuhvk4v.api.sandbox.checkout.com/payments/" + Fixtures.PaymentId + "\"}}}");

    /// <summary>A client-credentials token response valid for an hour.</summary>
    public static byte[] Token { get; } = Encoding.UTF8.GetBytes(
        "{\"access_token\":\"" + Fixtures.AccessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"gateway:payment-details\"}");

    /// <summary>The JSON without whitespace, as Checkout sends it; timestamps and numbers keep their exact text.</summary>
    private static string Compact(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            writer.WriteToken(reader);
        }
        return text.ToString();
    }

    private static string Resource(string name)
    {
        using var stream = typeof(Payloads).Assembly.GetManifestResourceStream("Payloads." + name)
            ?? throw new InvalidOperationException($"Embedded resource Payloads.{name} is missing from the benchmark assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
