using Checkout.Generated.Models;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Checkout.Generated.Benchmarks.Internal;

namespace Checkout.Generated.Benchmarks;

/// <summary>
/// Cost of the built-in resilience policy (a first attempt under one pooled timer; Polly's retry pipeline only after a
/// transient failure) on a request that succeeds first time: <c>GetPaymentDetailsAsync</c> through <see cref="CheckoutClientFactory"/> with a secret key, policy on against policy off.
/// </summary>
[MemoryDiagnoser]
public class ResilienceBenchmarks
{
    private StubHandler _stub = null!;
    private CheckoutClientFactory _withoutFactory = null!;
    private IPaymentsClient _without = null!;
    private CheckoutClientFactory _withFactory = null!;
    private IPaymentsClient _with = null!;

    /// <summary>Whether the stub answers after a thread-pool hop, as real I/O does, rather than synchronously.</summary>
    [Params(false, true)]
    public bool AsyncStub { get; set; }

    /// <summary>Builds both pipelines on one stub and checks that a request through each reaches the api host with the key.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _stub = Fixtures.NewStub(AsyncStub);
        var off = Fixtures.SecretKeyOptions();
        off.Resilience.Enabled = false;
        _withoutFactory = new CheckoutClientFactory(off, _stub);
        _without = _withoutFactory.Create<IPaymentsClient>();
        _withFactory = new CheckoutClientFactory(Fixtures.SecretKeyOptions(), _stub);
        _with = _withFactory.Create<IPaymentsClient>();

        WithoutResilience().GetAwaiter().GetResult();
        Fixtures.Verify(_stub, Fixtures.SecretKey);
        WithResilience().GetAwaiter().GetResult();
        Fixtures.Verify(_stub, Fixtures.SecretKey);
    }

    /// <summary>Releases the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _withFactory.Dispose();
        _withoutFactory.Dispose();
        _stub.Dispose();
    }

    /// <summary>The policy disabled (<c>Resilience.Enabled = false</c>): one attempt, no timeouts.</summary>
    [Benchmark(Baseline = true)]
    public Task WithoutResilience() => _without.GetPaymentDetailsAsync(Fixtures.PaymentId);

    /// <summary>The default policy: the same request through the pipeline, succeeding on its first attempt.</summary>
    [Benchmark]
    public Task WithResilience() => _with.GetPaymentDetailsAsync(Fixtures.PaymentId);
}
