using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Checkout.Generated.Benchmarks.Loopback;

/// <summary>
/// The rounds of one <see cref="LoopbackPairedBenchmarks"/> case: each pair is one raw-full round and one client round,
/// back to back, so that whatever slows the machine for a moment slows both. Pairs are summed in blocks; the spread of
/// the blocks gives the interval of the ratio of the totals.
/// </summary>
internal sealed class PairedTally
{
    private readonly int _pairsPerBlock;
    private readonly List<(long Raw, long Client)> _blocks = new();
    private long _blockRawTicks, _blockClientTicks;
    private int _blockPairs;

    /// <summary>A tally whose blocks hold <paramref name="pairsPerBlock"/> pairs each (even: as many of each order).</summary>
    public PairedTally(int pairsPerBlock)
    {
        if (pairsPerBlock < 2 || pairsPerBlock % 2 != 0) throw new ArgumentOutOfRangeException(nameof(pairsPerBlock), pairsPerBlock, "An even number of pairs, so that each block has as many of each order.");
        _pairsPerBlock = pairsPerBlock;
    }

    /// <summary>Counts one pair: the raw-full round and the client round, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public void Add(long rawTicks, long clientTicks)
    {
        _blockRawTicks += rawTicks;
        _blockClientTicks += clientTicks;
        if (++_blockPairs < _pairsPerBlock) return;
        _blocks.Add((_blockRawTicks, _blockClientTicks));
        _blockRawTicks = _blockClientTicks = 0;
        _blockPairs = 0;
    }

    /// <summary>Forgets every pair so far (the warm-up's).</summary>
    public void Reset()
    {
        _blocks.Clear();
        _blockRawTicks = _blockClientTicks = 0;
        _blockPairs = 0;
    }

    /// <summary>
    /// The client's total time ÷ raw-full's over the whole blocks, with about 95 % of the chance around it (two standard
    /// errors of the ratio of totals, from the blocks' residuals); null with fewer than 10 blocks.
    /// </summary>
    public PairedResult? Result()
    {
        var n = _blocks.Count;
        if (n < 10) return null;
        double raw = _blocks.Sum(b => (double)b.Raw), client = _blocks.Sum(b => (double)b.Client);
        var ratio = client / raw;
        var meanRaw = raw / n;
        var residualVariance = _blocks.Sum(b => Math.Pow(b.Client - (ratio * b.Raw), 2)) / (n - 1);
        var half = 2 * Math.Sqrt(residualVariance / n) / meanRaw;
        var toMicroseconds = 1e6 / System.Diagnostics.Stopwatch.Frequency / (n * _pairsPerBlock);
        return new PairedResult(n * _pairsPerBlock, raw * toMicroseconds, client * toMicroseconds, ratio, ratio - half, ratio + half);
    }
}

/// <summary>One case's outcome: pairs counted, mean round times (µs), the client's time ÷ raw-full's and its interval.</summary>
internal sealed record PairedResult(int Pairs, double RawMicroseconds, double ClientMicroseconds, double TimeRatio, double Low, double High)
{
    /// <summary>Every finished case of this process, by <see cref="LoopbackPairedBenchmarks.CaseKey"/> (null: too few blocks); the summary's columns read them.</summary>
    public static ConcurrentDictionary<string, PairedResult?> ByCase { get; } = new();
}
