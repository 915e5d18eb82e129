using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Checkout.Generated.Benchmarks.Loopback;

/// <summary>
/// The rounds of one <see cref="LoopbackPairedBenchmarks"/> case: each pair is one raw-full round and one client round,
/// back to back, so that whatever slows the machine for a moment slows both. Pairs are grouped in blocks; the spread of
/// the blocks' ratios gives the confidence interval.
/// </summary>
internal sealed class PairedTally
{
    private readonly int _pairsPerBlock;
    private readonly List<double> _blockRatios = new();
    private long _rawTicks, _clientTicks, _blockRawTicks, _blockClientTicks;
    private int _pairs, _blockPairs;

    /// <summary>A tally whose blocks hold <paramref name="pairsPerBlock"/> pairs each.</summary>
    public PairedTally(int pairsPerBlock) => _pairsPerBlock = pairsPerBlock;

    /// <summary>Counts one pair: the raw-full round and the client round, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public void Add(long rawTicks, long clientTicks)
    {
        _pairs++;
        _rawTicks += rawTicks;
        _clientTicks += clientTicks;
        _blockRawTicks += rawTicks;
        _blockClientTicks += clientTicks;
        if (++_blockPairs < _pairsPerBlock) return;
        _blockRatios.Add((double)_blockClientTicks / _blockRawTicks);
        _blockRawTicks = _blockClientTicks = 0;
        _blockPairs = 0;
    }

    /// <summary>Forgets every pair so far (the warm-up's).</summary>
    public void Reset()
    {
        _blockRatios.Clear();
        _rawTicks = _clientTicks = _blockRawTicks = _blockClientTicks = 0;
        _pairs = _blockPairs = 0;
    }

    /// <summary>The pairs' totals and the client's time as a multiple of raw-full's, with a 95 % interval over the blocks.</summary>
    public PairedResult Result()
    {
        if (_blockRatios.Count < 2) throw new InvalidOperationException($"{_pairs} pairs make {_blockRatios.Count} block(s) of {_pairsPerBlock}: too few for an interval.");
        var mean = _blockRatios.Average();
        var sd = Math.Sqrt(_blockRatios.Sum(r => (r - mean) * (r - mean)) / (_blockRatios.Count - 1));
        var half = 1.96 * sd / Math.Sqrt(_blockRatios.Count);
        var toMicroseconds = 1e6 / System.Diagnostics.Stopwatch.Frequency / _pairs;
        return new PairedResult(_pairs, _rawTicks * toMicroseconds, _clientTicks * toMicroseconds, (double)_clientTicks / _rawTicks, mean - half, mean + half);
    }
}

/// <summary>One case's outcome: pairs, mean round times (µs), the client's time ÷ raw-full's and its 95 % interval.</summary>
internal sealed record PairedResult(int Pairs, double RawMicroseconds, double ClientMicroseconds, double TimeRatio, double Low, double High)
{
    /// <summary>Every finished case of this process, by <see cref="LoopbackPairedBenchmarks.CaseKey"/> (the summary's columns read them).</summary>
    public static ConcurrentDictionary<string, PairedResult> ByCase { get; } = new();
}
