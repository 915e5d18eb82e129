using Checkout.Generated.Models;
using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using Checkout.Generated.Benchmarks.Internal;
using Newtonsoft.Json;

namespace Checkout.Generated.Benchmarks;

/// <summary>The generated models' JSON cost (Newtonsoft, the generated clients' settings): a card payment request out, a payment response in.</summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private JsonSerializerSettings _settings = null!;
    private PaymentRequest _request = null!;
    private string _response = null!;

    /// <summary>Composes the request and checks that both payloads map onto the typed models (card source included).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _settings = SerializerSettingsProbe.Settings;
        _request = CardPayment.Compose();
        _response = Payloads.PaymentResponse;

        var requestJson = SerialiseCardPaymentRequest();
        Console.WriteLine($"// Card payment request: {Encoding.UTF8.GetByteCount(requestJson)} bytes of JSON; payment response: {Encoding.UTF8.GetByteCount(_response)} bytes");
        var roundTrip = JsonConvert.DeserializeObject<PaymentRequest>(requestJson, _settings);
        if (roundTrip?.Source is not PaymentRequestCardSource { ExpiryYear: 2030 })
            throw new InvalidOperationException("The card payment request did not round-trip with its card source.");
        var response = DeserialisePaymentResponse();
        if (response.Source is not PaymentResponseCardSource { Last4: "4242" } || response.AdditionalProperties.Count != 0)
            throw new InvalidOperationException("The payment response did not map onto PaymentResponse with a card source.");
    }

    /// <summary>Serialises the composed card payment request (about 1.5 KB of JSON).</summary>
    [Benchmark]
    public string SerialiseCardPaymentRequest() => JsonConvert.SerializeObject(_request, _settings);

    /// <summary>Deserialises a 2.5 KB card payment response, as the generated client does after reading the body as text.</summary>
    [Benchmark]
    public PaymentResponse DeserialisePaymentResponse() =>
        JsonConvert.DeserializeObject<PaymentResponse>(_response, _settings) ?? throw new InvalidOperationException("The payment response is null.");
}
