using Checkout.Generated.Models;
using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using Checkout.Generated.Benchmarks.Internal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

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
        _request = CardPayment.Compose(_settings);
        _response = Payloads.PaymentResponse;

        var requestJson = SerialiseCardPaymentRequest();
        Console.WriteLine($"// Card payment request: {Encoding.UTF8.GetByteCount(requestJson)} bytes of JSON; payment response: {Encoding.UTF8.GetByteCount(_response)} bytes");
        if (!JToken.DeepEquals(JToken.Parse(requestJson), JToken.Parse(JsonConvert.SerializeObject(JsonConvert.DeserializeObject<PaymentRequest>(requestJson, _settings), _settings))))
            throw new InvalidOperationException("The card payment request did not round-trip.");
        var response = DeserialisePaymentResponse();
        // The card source must read as a subtype of the declared source type (the discriminator works).
        var source = typeof(PaymentResponse).GetProperty("Source");
        if (source is not null && source.GetValue(response) is { } value && value.GetType() == source.PropertyType)
            throw new InvalidOperationException($"The payment response's card source read as the base type {source.PropertyType.Name}, not a card subtype.");
    }

    /// <summary>Serialises the composed card payment request (about 1.5 KB of JSON).</summary>
    [Benchmark]
    public string SerialiseCardPaymentRequest() => JsonConvert.SerializeObject(_request, _settings);

    /// <summary>Deserialises a 2.5 KB card payment response, as the generated client does after reading the body as text.</summary>
    [Benchmark]
    public PaymentResponse DeserialisePaymentResponse() =>
        JsonConvert.DeserializeObject<PaymentResponse>(_response, _settings) ?? throw new InvalidOperationException("The payment response is null.");
}
