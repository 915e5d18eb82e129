using System;
using System.Diagnostics;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Checkout.Generated.Benchmarks.Loopback;

namespace Checkout.Generated.Benchmarks;

/// <summary>
/// Issue 19's time goals, measured in pairs over the loopback socket: each invocation is one raw-full round and one round
/// of this client (secret key or OAuth), back to back, in alternating order; a round is one request, or
/// <see cref="Callers"/> requests started together. <see cref="LoopbackBenchmarks"/> measures each row in its own
/// seconds, and on a shared machine those seconds differ by more than the rows do; here a slow moment slows both rounds
/// of a pair, and the columns compare the two (<see cref="PairedResult"/>). The <c>RawFull</c> client is the control: a
/// second raw-full on its own connections, which must come out at 1 within its interval. Run with <c>--inProcess</c>.
/// </summary>
[Config(typeof(PairedColumnsConfig))]
public class LoopbackPairedBenchmarks
{
    private LoopbackProcess _server = null!;
    private LoopbackRows _rows = null!;
    private LoopbackRows? _control;
    private Func<Task> _raw = null!;
    private Func<Task> _client = null!;
    private PairedTally _tally = null!;
    private long _invocations;

    /// <summary>Requests per round: 1 (one in flight: the time goal) or 64 started together (the requests-per-second goal).</summary>
    [Params(1, 64)]
    public int Callers { get; set; }

    /// <summary>The request: <c>POST /payments</c> answered with <c>source</c> starting with <c>type</c> or with <c>id</c>, or <c>GET /payments/{id}</c>.</summary>
    [Params("POST, type first", "POST, id first", "GET")]
    public string Request { get; set; } = "";

    /// <summary>This client with a secret key, or with OAuth (token cached); or <c>RawFull</c>, the control.</summary>
    [Params("SecretKey", "OAuth", "RawFull")]
    public string Client { get; set; } = "";

    /// <summary>The key of a case in <see cref="PairedResult.ByCase"/>.</summary>
    public static string CaseKey(int callers, string request, string client) => $"{callers}|{request}|{client}";

    /// <summary>Starts the server, checks every row once (the control's too), then warms both clients up with two seconds of pairs that are not counted.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (Request is not ("POST, type first" or "POST, id first" or "GET")) throw new InvalidOperationException($"Unknown request '{Request}'.");
        _server = LoopbackProcess.Start();
        var port = Request == "POST, id first" ? _server.IdFirst : _server.TypeFirst;
        _server.RequireSourceStart(port, Request == "POST, id first" ? "{\"id\":" : "{\"type\":");
        _rows = new LoopbackRows(port);
        _rows.Check(_server);
        var get = Request == "GET";
        _raw = get ? _rows.GetRawFull : _rows.PostRawFull;
        if (Client == "RawFull")
        {
            _control = new LoopbackRows(port);
            _control.Check(_server);
        }
        _client = (get, Client) switch
        {
            (_, "RawFull") => get ? _control!.GetRawFull : _control!.PostRawFull,
            (true, "SecretKey") => _rows.GetSecretKey,
            (true, "OAuth") => _rows.GetOAuth,
            (false, "SecretKey") => _rows.PostSecretKey,
            (false, "OAuth") => _rows.PostOAuth,
            _ => throw new InvalidOperationException($"Unknown client '{Client}'."),
        };

        // Blocks of about the same duration either way (some hundred milliseconds of pairs), each with as many pairs of each order.
        _tally = new PairedTally(Callers == 1 ? 500 : 24);
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(2)) Pair().GetAwaiter().GetResult();
        _tally.Reset();
    }

    /// <summary>Keeps the case's result for the columns (every pair after the setup's warm-up, BenchmarkDotNet's own warm-up included), releases the clients and stops the server.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            PairedResult.ByCase[CaseKey(Callers, Request, Client)] = _tally.Result();
        }
        finally
        {
            _control?.Dispose();
            _rows.Dispose();
            _server.Dispose();
        }
    }

    /// <summary>One pair: a raw-full round and a client round, the first of the two alternating between invocations.</summary>
    [Benchmark]
    public async Task Pair()
    {
        long raw, client;
        if ((_invocations++ & 1) == 0)
        {
            raw = await Round(_raw).ConfigureAwait(false);
            client = await Round(_client).ConfigureAwait(false);
        }
        else
        {
            client = await Round(_client).ConfigureAwait(false);
            raw = await Round(_raw).ConfigureAwait(false);
        }
        _tally.Add(raw, client);
    }

    private async Task<long> Round(Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        await LoopbackRows.Together(call, Callers).ConfigureAwait(false);
        return Stopwatch.GetTimestamp() - started;
    }
}
