using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Checkout.Generated.Benchmarks.Internal;
using Checkout.Generated.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Benchmarks;

/// <summary>
/// Issue 12's comparison, per request, on the committed payloads over one <see cref="CannedCheckoutHandler"/>: a plain
/// <c>HttpClient</c> + Newtonsoft into a small DTO; the same into the generated models with <see cref="CheckoutJson"/>'s settings
/// ("raw-full", the baseline of each category); this client with a secret key; this client with OAuth and a cached token.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class SideBySideBenchmarks
{
    private const string Post = "POST /payments";
    private const string Get = "GET /payments/{id}";

    private CannedCheckoutHandler _stub = null!;
    private RawCheckout _rawDto = null!;
    private RawCheckout _rawFull = null!;
    private CheckoutClientFactory _secretKeyFactory = null!;
    private IPaymentsClient _secretKey = null!;
    private CheckoutClientFactory _oauthFactory = null!;
    private IPaymentsClient _oauth = null!;
    private SmallDto.PaymentRequest _dtoRequest = null!;
    private PaymentRequest _request = null!;
    private RequestPaymentOrPayoutRequest _body = null!;

    /// <summary>Whether the stub answers after a thread-pool hop, as a socket does, rather than synchronously.</summary>
    [Params(false, true)]
    public bool AsyncStub { get; set; }

    /// <summary>Builds the four clients on one stub, sends each request once and checks what reached the stub and what came back.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _stub = new CannedCheckoutHandler(Payloads.PaymentCreated, Payloads.PaymentDetails, Payloads.Token, AsyncStub);
        _rawDto = new RawCheckout(_stub, SmallDto.Settings);
        _rawFull = new RawCheckout(_stub, CheckoutJson.Configure(new JsonSerializerSettings()));
        _secretKeyFactory = new CheckoutClientFactory(Fixtures.SecretKeyOptions(), _stub);
        _secretKey = _secretKeyFactory.Create<IPaymentsClient>();
        _oauthFactory = new CheckoutClientFactory(Fixtures.OAuthOptions(), _stub);
        _oauth = _oauthFactory.Create<IPaymentsClient>();

        _dtoRequest = JsonConvert.DeserializeObject<SmallDto.PaymentRequest>(Payloads.CardPaymentRequest, SmallDto.Settings)!;
        if (!JToken.DeepEquals(JToken.Parse(JsonConvert.SerializeObject(_dtoRequest, SmallDto.Settings)), JToken.Parse(Payloads.CardPaymentRequest)))
            throw new InvalidOperationException("The small DTO does not write the committed card payment request.");
        _request = CardPayment.Compose(CheckoutJson.Configure(new JsonSerializerSettings()));
        _body = _request;

        Check(PostRawDto(), Fixtures.SecretKey, "POST", "payments");
        Check(PostRawFull(), Fixtures.SecretKey, "POST", "payments");
        Check(PostSecretKey(), Fixtures.SecretKey, "POST", "payments");
        Check(PostOAuth(), Fixtures.AccessToken, "POST", "payments");
        var posted = _stub.LastBodyLength;
        Check(GetRawDto(), Fixtures.SecretKey, "GET", "payments/" + Fixtures.PaymentId);
        Check(GetRawFull(), Fixtures.SecretKey, "GET", "payments/" + Fixtures.PaymentId);
        Check(GetSecretKey(), Fixtures.SecretKey, "GET", "payments/" + Fixtures.PaymentId);
        Check(GetOAuth(), Fixtures.AccessToken, "GET", "payments/" + Fixtures.PaymentId);
        var tokens = _stub.TokenRequests;
        Check(PostOAuth(), Fixtures.AccessToken, "POST", "payments");
        Check(GetOAuth(), Fixtures.AccessToken, "GET", "payments/" + Fixtures.PaymentId);
        if (tokens is < 1 or > 2 || _stub.TokenRequests != tokens)
            throw new InvalidOperationException($"{tokens} token request(s) for the first OAuth calls (expected one per scope), then {_stub.TokenRequests - tokens} more (expected none: cached).");
        Console.WriteLine($"// Request {Payloads.CardPaymentRequest.Length} B (this client sent {posted} B), 201 {Payloads.PaymentCreated.Length} B, details {Payloads.PaymentDetails.Length} B");
    }

    /// <summary>Releases the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _oauthFactory.Dispose();
        _secretKeyFactory.Dispose();
        _stub.Dispose();
    }

    /// <summary>POST: plain HttpClient + Newtonsoft, a small DTO each way.</summary>
    [Benchmark, BenchmarkCategory(Post)]
    public Task PostRawDto() => _rawDto.PostPaymentAsync<SmallDto.Payment>(_dtoRequest);

    /// <summary>POST: plain HttpClient + Newtonsoft with CheckoutJson's settings, the generated models each way.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Post)]
    public Task<PaymentResponse> PostRawFull() => _rawFull.PostPaymentAsync<PaymentResponse>(_request);

    /// <summary>POST through <see cref="CheckoutClientFactory"/> with a secret key.</summary>
    [Benchmark, BenchmarkCategory(Post)]
    public Task<RequestPaymentOrPayoutResult> PostSecretKey() => _secretKey.RequestPaymentOrPayoutAsync(_body);

    /// <summary>POST through <see cref="CheckoutClientFactory"/> with an OAuth access key, token cached.</summary>
    [Benchmark, BenchmarkCategory(Post)]
    public Task<RequestPaymentOrPayoutResult> PostOAuth() => _oauth.RequestPaymentOrPayoutAsync(_body);

    /// <summary>GET: plain HttpClient + Newtonsoft into a small DTO.</summary>
    [Benchmark, BenchmarkCategory(Get)]
    public Task GetRawDto() => _rawDto.GetPaymentAsync<SmallDto.Payment>(Fixtures.PaymentId);

    /// <summary>GET: plain HttpClient + Newtonsoft with CheckoutJson's settings into the generated model.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Get)]
    public Task<object> GetRawFull() => _rawFull.GetPaymentAsync(Fixtures.PaymentId, Fixtures.DetailsModel);

    /// <summary>GET through <see cref="CheckoutClientFactory"/> with a secret key.</summary>
    [Benchmark, BenchmarkCategory(Get)]
    public Task GetSecretKey() => _secretKey.GetPaymentDetailsAsync(Fixtures.PaymentId);

    /// <summary>GET through <see cref="CheckoutClientFactory"/> with an OAuth access key, token cached.</summary>
    [Benchmark, BenchmarkCategory(Get)]
    public Task GetOAuth() => _oauth.GetPaymentDetailsAsync(Fixtures.PaymentId);

    private void Check(Task call, string credential, string method, string path)
    {
        call.GetAwaiter().GetResult();
        var result = call.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(call);
        var expected = new Uri(Fixtures.ApiBase, path);
        if (_stub.LastUri != expected || _stub.LastMethod?.Method != method)
            throw new InvalidOperationException($"The request went to {_stub.LastMethod} {_stub.LastUri}, expected {method} {expected}.");
        if (_stub.LastAuthorization is not { Scheme: "Bearer" } authorization || authorization.Parameter != credential)
            throw new InvalidOperationException("The request carried an unexpected Authorization header.");
        if (method == "POST" && _stub.LastBodyLength < Payloads.CardPaymentRequest.Length)
            throw new InvalidOperationException($"The POST body was {_stub.LastBodyLength} B, shorter than the {Payloads.CardPaymentRequest.Length} B request.");

        object? typed = result switch
        {
            RequestPaymentOrPayoutResult posted => posted.Created?.Source,
            PaymentResponse created => created.Source,
            SmallDto.Payment dto => dto.Approved && dto.Id == Fixtures.PaymentId && dto.Amount == 6540 ? dto : null,
            // The details model (its name varies by release): its source.
            { } details when details.GetType() == Fixtures.DetailsModel => details.GetType().GetProperty("Source")?.GetValue(details),
            _ => null,
        };
        if (typed is null) throw new InvalidOperationException($"{result?.GetType().Name}: the answer did not read as the committed payment.");
        // A polymorphic source must read as its card subtype, not the declared base type.
        if (typed is not SmallDto.Payment && typed.GetType().Name.IndexOf("Card", StringComparison.Ordinal) < 0)
            throw new InvalidOperationException($"{result?.GetType().Name}: the card source read as {typed.GetType().Name}.");
    }
}
