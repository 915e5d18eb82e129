using Checkout.Generated.Models;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Checkout.Generated.Benchmarks.Internal;

namespace Checkout.Generated.Benchmarks;

/// <summary>
/// Cost per call of the handwritten layer: <c>GetPaymentDetailsAsync</c> through <see cref="CheckoutClientFactory"/>
/// (secret key; OAuth with a cached token) against the same generated client on a bare <see cref="HttpClient"/>.
/// With a synchronous stub no async method suspends; with an asynchronous one every suspended async layer allocates its state machine.
/// </summary>
[MemoryDiagnoser]
public class RequestOverheadBenchmarks
{
    private StubHandler _stub = null!;
    private HttpClient _bareHttpClient = null!;
    private IPaymentsClient _bare = null!;
    private CheckoutClientFactory _secretKeyFactory = null!;
    private IPaymentsClient _secretKey = null!;
    private CheckoutClientFactory _oauthFactory = null!;
    private IPaymentsClient _oauth = null!;

    /// <summary>Whether the stub answers after a thread-pool hop, as real I/O does, rather than synchronously.</summary>
    [Params(false, true)]
    public bool AsyncStub { get; set; }

    /// <summary>Builds the three pipelines on one stub, sends one request through each (fetching the token) and checks where it went.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _stub = Fixtures.NewStub(AsyncStub);
        _bareHttpClient = Fixtures.BareHttpClient(_stub);
        _bare = new PaymentsClient(_bareHttpClient);
        _secretKeyFactory = new CheckoutClientFactory(Fixtures.SecretKeyOptions(), _stub);
        _secretKey = _secretKeyFactory.Create<IPaymentsClient>();
        _oauthFactory = new CheckoutClientFactory(Fixtures.OAuthOptions(), _stub);
        _oauth = _oauthFactory.Create<IPaymentsClient>();

        BareHttpClient().GetAwaiter().GetResult();
        Fixtures.Verify(_stub, null);
        FactorySecretKey().GetAwaiter().GetResult();
        Fixtures.Verify(_stub, Fixtures.SecretKey);
        FactoryOAuthCachedToken().GetAwaiter().GetResult();
        Fixtures.Verify(_stub, Fixtures.AccessToken);
    }

    /// <summary>Releases the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _oauthFactory.Dispose();
        _secretKeyFactory.Dispose();
        _bareHttpClient.Dispose();
        _stub.Dispose();
    }

    /// <summary>The generated client alone: no host resolution, no credential.</summary>
    [Benchmark(Baseline = true)]
    public Task BareHttpClient() => _bare.GetPaymentDetailsAsync(Fixtures.PaymentId);

    /// <summary>Through the factory with a secret key: operation lookup, plan, host, key header.</summary>
    [Benchmark]
    public Task FactorySecretKey() => _secretKey.GetPaymentDetailsAsync(Fixtures.PaymentId);

    /// <summary>Through the factory with an OAuth access key whose token is cached: adds the scope choice and the cache hit.</summary>
    [Benchmark]
    public Task FactoryOAuthCachedToken() => _oauth.GetPaymentDetailsAsync(Fixtures.PaymentId);
}
