using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Checkout.Generated.Benchmarks.Internal;
using Checkout.Generated.Benchmarks.Loopback;

namespace Checkout.Generated.Benchmarks;

/// <summary>
/// Issue 19's comparison over a real loopback socket: the rows of <see cref="SideBySideBenchmarks"/> against a Kestrel
/// server in a child process (<see cref="LoopbackServer"/>, so its allocations stay out of <c>Allocated</c>), with the
/// 201 answer's <c>source</c> starting with <c>type</c> or with <c>id</c>; <see cref="Callers"/> requests in flight
/// together (figures are per batch). Run with <c>--inProcess</c>.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class LoopbackBenchmarks
{
    private const string PostTypeFirst = "POST /payments, type first";
    private const string PostIdFirst = "POST /payments, id first";
    private const string Get = "GET /payments/{id}";

    private LoopbackProcess _server = null!;
    private LoopbackRows _typeFirst = null!;
    private LoopbackRows _idFirst = null!;

    /// <summary>Requests started together per invocation: 1 (one in flight) or 64 concurrent callers.</summary>
    [Params(1, 64)]
    public int Callers { get; set; }

    /// <summary>Starts the server, builds the rows on both ports and checks every row's request and answer once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _server = LoopbackProcess.Start();
        _typeFirst = new LoopbackRows(_server.TypeFirst);
        _idFirst = new LoopbackRows(_server.IdFirst);
        _server.RequireSourceStart(_server.TypeFirst, "{\"type\":");
        _server.RequireSourceStart(_server.IdFirst, "{\"id\":");
        _typeFirst.Check(_server);
        _idFirst.Check(_server);
        Console.WriteLine($"// Loopback server: type first on {_server.TypeFirst}, id first on {_server.IdFirst}; 201 {Payloads.PaymentCreated.Length} B, details {Payloads.PaymentDetails.Length} B");
    }

    /// <summary>Releases the clients and stops the server.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _idFirst.Dispose();
        _typeFirst.Dispose();
        _server.Dispose();
    }

    /// <summary>POST, type first: plain HttpClient + Newtonsoft, small DTOs.</summary>
    [Benchmark, BenchmarkCategory(PostTypeFirst)]
    public Task PostTypeFirstRawDto() => Run(_typeFirst.PostRawDto);

    /// <summary>POST, type first: plain HttpClient + Newtonsoft, the generated models (the baseline).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(PostTypeFirst)]
    public Task PostTypeFirstRawFull() => Run(_typeFirst.PostRawFull);

    /// <summary>POST, type first, through the client with a secret key.</summary>
    [Benchmark, BenchmarkCategory(PostTypeFirst)]
    public Task PostTypeFirstSecretKey() => Run(_typeFirst.PostSecretKey);

    /// <summary>POST, type first, through the client with OAuth (token cached).</summary>
    [Benchmark, BenchmarkCategory(PostTypeFirst)]
    public Task PostTypeFirstOAuth() => Run(_typeFirst.PostOAuth);

    /// <summary>POST, id first: plain HttpClient + Newtonsoft, small DTOs.</summary>
    [Benchmark, BenchmarkCategory(PostIdFirst)]
    public Task PostIdFirstRawDto() => Run(_idFirst.PostRawDto);

    /// <summary>POST, id first: plain HttpClient + Newtonsoft, the generated models (the baseline).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(PostIdFirst)]
    public Task PostIdFirstRawFull() => Run(_idFirst.PostRawFull);

    /// <summary>POST, id first, through the client with a secret key.</summary>
    [Benchmark, BenchmarkCategory(PostIdFirst)]
    public Task PostIdFirstSecretKey() => Run(_idFirst.PostSecretKey);

    /// <summary>POST, id first, through the client with OAuth (token cached).</summary>
    [Benchmark, BenchmarkCategory(PostIdFirst)]
    public Task PostIdFirstOAuth() => Run(_idFirst.PostOAuth);

    /// <summary>GET: plain HttpClient + Newtonsoft, small DTO.</summary>
    [Benchmark, BenchmarkCategory(Get)]
    public Task GetRawDto() => Run(_typeFirst.GetRawDto);

    /// <summary>GET: plain HttpClient + Newtonsoft, the generated model (the baseline).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Get)]
    public Task GetRawFull() => Run(_typeFirst.GetRawFull);

    /// <summary>GET through the client with a secret key.</summary>
    [Benchmark, BenchmarkCategory(Get)]
    public Task GetSecretKey() => Run(_typeFirst.GetSecretKey);

    /// <summary>GET through the client with OAuth (token cached).</summary>
    [Benchmark, BenchmarkCategory(Get)]
    public Task GetOAuth() => Run(_typeFirst.GetOAuth);

    private Task Run(Func<Task> call) => LoopbackRows.Together(call, Callers);
}
