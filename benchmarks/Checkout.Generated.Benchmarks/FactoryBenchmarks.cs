using Checkout.Generated.Models;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Checkout.Generated.Benchmarks.Internal;

namespace Checkout.Generated.Benchmarks;

/// <summary>Start-up: validating options and planning every catalog operation, then the first call with its token request.</summary>
[MemoryDiagnoser]
public class FactoryBenchmarks
{
    private StubHandler _stub = null!;
    private CheckoutOptions _secretKeyOptions = null!;
    private CheckoutOptions _oauthOptions = null!;

    /// <summary>Prepares the options and the stub.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _stub = Fixtures.NewStub();
        _secretKeyOptions = Fixtures.SecretKeyOptions();
        _oauthOptions = Fixtures.OAuthOptions();
    }

    /// <summary>Releases the stub.</summary>
    [GlobalCleanup]
    public void Cleanup() => _stub.Dispose();

    /// <summary>Constructs and disposes a factory (secret key); no request.</summary>
    [Benchmark]
    public void CreateFactory()
    {
        using var factory = new CheckoutClientFactory(_secretKeyOptions, _stub);
    }

    /// <summary>A new factory, a client, and its first call, which fetches an OAuth token.</summary>
    [Benchmark]
    public async Task CreateFactoryAndFirstOAuthCall()
    {
        using var factory = new CheckoutClientFactory(_oauthOptions, _stub);
        await factory.Create<IPaymentsClient>().GetPaymentDetailsAsync(Fixtures.PaymentId).ConfigureAwait(false);
    }
}
