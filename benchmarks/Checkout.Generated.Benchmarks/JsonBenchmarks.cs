using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Checkout.Generated.Benchmarks.Internal;
using Checkout.Generated.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Benchmarks;

/// <summary>
/// The JSON steps of <see cref="SideBySideBenchmarks"/> alone, on the same committed payloads: the generated models with the
/// generated clients' serializer settings (the baseline of each category) against the small DTO with plain Newtonsoft.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class JsonBenchmarks
{
    private const string Serialise = "serialise the payment request";
    private const string Created = "deserialise the 201 answer";
    private const string Details = "deserialise the payment details";

    private JsonSerializerSettings _settings = null!;
    private PaymentRequest _request = null!;
    private SmallDto.PaymentRequest _dtoRequest = null!;
    private string _created = null!;
    private string _createdIdFirst = null!;
    private string _details = null!;

    /// <summary>Reads the payloads into both shapes and checks that the models write the request back and read the card source as its subtype.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _settings = CheckoutJson.Configure(new JsonSerializerSettings()); // what the generated clients serialise with (CheckoutJson.Serializer)
        _request = CardPayment.Compose(_settings);
        _dtoRequest = JsonConvert.DeserializeObject<SmallDto.PaymentRequest>(Payloads.CardPaymentRequest, SmallDto.Settings)!;
        _created = Encoding.UTF8.GetString(Payloads.PaymentCreated);
        _details = Encoding.UTF8.GetString(Payloads.PaymentDetails);
        _createdIdFirst = Encoding.UTF8.GetString(Payloads.PaymentCreatedIdFirst);

        var written = SerialiseModels();
        Console.WriteLine($"// Card payment request: {Payloads.CardPaymentRequest.Length} B in the payload; the models write {Encoding.UTF8.GetByteCount(written)} B, the DTO {Encoding.UTF8.GetByteCount(SerialiseDto())} B");
        var expected = JToken.Parse(Payloads.CardPaymentRequest);
        foreach (var property in JObject.Parse(written).Properties())
        {
            // Every field the models write that the caller set must carry the caller's value.
            if (expected[property.Name] is { } given && !JToken.DeepEquals(given, property.Value))
                throw new InvalidOperationException($"The models wrote '{property.Name}' as {property.Value.ToString(Formatting.None)}, the payload has {given.ToString(Formatting.None)}.");
        }
        if (JToken.Parse(SerialiseDto()) is var dto && !JToken.DeepEquals(dto, expected))
            throw new InvalidOperationException("The small DTO does not write the committed card payment request.");
        RequireCardSource(DeserialiseCreatedModels().Source);
        if (JsonConvert.SerializeObject(DeserialiseCreatedModelsIdFirst(), _settings) != JsonConvert.SerializeObject(DeserialiseCreatedModels(), _settings))
            throw new InvalidOperationException("The 201 answer with its source starting with id reads into another model than with type first.");
        var details = DeserialiseDetailsModels();
        RequireCardSource(details.GetType().GetProperty("Source")?.GetValue(details));
        if (((SmallDto.Payment)DeserialiseCreatedDto()).Id != Fixtures.PaymentId || ((SmallDto.Payment)DeserialiseDetailsDto()).Id != Fixtures.PaymentId)
            throw new InvalidOperationException("The small DTO did not read the payment id.");
    }

    /// <summary>The composed card payment request through the generated models.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Serialise)]
    public string SerialiseModels() => JsonConvert.SerializeObject(_request, _settings);

    /// <summary>The same request through the small DTO.</summary>
    [Benchmark, BenchmarkCategory(Serialise)]
    public string SerialiseDto() => JsonConvert.SerializeObject(_dtoRequest, SmallDto.Settings);

    /// <summary>The 201 answer into <c>PaymentResponse</c>.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Created)]
    public PaymentResponse DeserialiseCreatedModels() => JsonConvert.DeserializeObject<PaymentResponse>(_created, _settings)!;

    /// <summary>The same 201 answer with <c>source</c> starting with <c>id</c> (issue 19) into <c>PaymentResponse</c>.</summary>
    [Benchmark, BenchmarkCategory(Created)]
    public PaymentResponse DeserialiseCreatedModelsIdFirst() => JsonConvert.DeserializeObject<PaymentResponse>(_createdIdFirst, _settings)!;

    /// <summary>The 201 answer into the small DTO.</summary>
    [Benchmark, BenchmarkCategory(Created)]
    public object DeserialiseCreatedDto() => JsonConvert.DeserializeObject<SmallDto.Payment>(_created, SmallDto.Settings)!;

    /// <summary>The payment details into the details model (<c>PaymentDetails</c> in the default release).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Details)]
    public object DeserialiseDetailsModels() => JsonConvert.DeserializeObject(_details, Fixtures.DetailsModel, _settings)!;

    /// <summary>The payment details into the small DTO.</summary>
    [Benchmark, BenchmarkCategory(Details)]
    public object DeserialiseDetailsDto() => JsonConvert.DeserializeObject<SmallDto.Payment>(_details, SmallDto.Settings)!;

    private static void RequireCardSource(object? source)
    {
        if (source is null || source.GetType().Name.IndexOf("Card", StringComparison.Ordinal) < 0)
            throw new InvalidOperationException($"The card source read as {source?.GetType().Name ?? "null"}, not a card subtype.");
    }
}
