using System;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Checkout.Generated.Benchmarks.Internal;

namespace Checkout.Generated.Benchmarks;

/// <summary>
/// <see cref="Concurrency"/> requests started together on the thread pool, all needing the same scope: with the token
/// cached, and with it expired so that the batch shares one token request. The stub answers after a thread-pool hop, so
/// requests are really in flight together while the token request is pending. Times and bytes are per batch.
/// </summary>
[MemoryDiagnoser]
public class TokenCacheBenchmarks
{
    private static readonly TimeSpan PastExpiry = TimeSpan.FromHours(2);

    private StubHandler _stub = null!;
    private HttpClient _bareHttpClient = null!;
    private IPaymentsClient _bare = null!;
    private CheckoutClientFactory _cachedFactory = null!;
    private IPaymentsClient _cached = null!;
    private StubHandler _expiringStub = null!;
    private SteppingTimeProvider _time = null!;
    private CheckoutClientFactory _expiringFactory = null!;
    private IPaymentsClient _expiring = null!;

    /// <summary>How many requests run at once.</summary>
    [Params(1, 16, 200)]
    public int Concurrency { get; set; }

    /// <summary>Builds the pipelines and sends one request through each (the OAuth ones fetch their first token).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _stub = Fixtures.NewStub(asynchronous: true);
        _bareHttpClient = Fixtures.BareHttpClient(_stub);
        _bare = new PaymentsClient(_bareHttpClient);
        _cachedFactory = new CheckoutClientFactory(Fixtures.OAuthOptions(), _stub);
        _cached = _cachedFactory.Create<IPaymentsClient>();
        _expiringStub = Fixtures.NewStub(asynchronous: true);
        _time = new SteppingTimeProvider();
        _expiringFactory = new CheckoutClientFactory(Fixtures.OAuthOptions(_time), _expiringStub);
        _expiring = _expiringFactory.Create<IPaymentsClient>();

        _cached.GetPaymentDetailsAsync(Fixtures.PaymentId).GetAwaiter().GetResult();
        Fixtures.Verify(_stub, Fixtures.AccessToken);
        OAuthTokenExpired().GetAwaiter().GetResult();
        Fixtures.Verify(_expiringStub, Fixtures.AccessToken);
    }

    /// <summary>Releases the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _expiringFactory.Dispose();
        _cachedFactory.Dispose();
        _bareHttpClient.Dispose();
        _expiringStub.Dispose();
        _stub.Dispose();
    }

    /// <summary>The batch on the generated client alone.</summary>
    [Benchmark(Baseline = true)]
    public Task BareHttpClient() => RunBatch(_bare);

    /// <summary>The batch through the factory; every request reads the one cached token.</summary>
    [Benchmark]
    public Task OAuthCachedToken() => RunBatch(_cached);

    /// <summary>The token has expired: the batch waits for one token request, which the stub answers at once.</summary>
    [Benchmark]
    public async Task OAuthTokenExpired()
    {
        _time.Advance(PastExpiry);
        var before = _expiringStub.TokenRequests;
        await RunBatch(_expiring).ConfigureAwait(false);
        var fetched = _expiringStub.TokenRequests - before;
        if (fetched != 1) throw new InvalidOperationException($"{Concurrency} concurrent requests made {fetched} token requests; the cache should make one.");
    }

    private Task RunBatch(IPaymentsClient client)
    {
        var batch = new Task[Concurrency];
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = Task.Run(() => client.GetPaymentDetailsAsync(Fixtures.PaymentId));
        }

        return Task.WhenAll(batch);
    }
}
