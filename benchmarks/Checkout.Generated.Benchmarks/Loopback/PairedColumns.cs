using System;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Checkout.Generated.Benchmarks.Loopback;

/// <summary>The columns of <see cref="LoopbackPairedBenchmarks"/>: what its paired rounds measured (<see cref="PairedResult"/>).</summary>
internal sealed class PairedColumnsConfig : ManualConfig
{
    public PairedColumnsConfig()
    {
        AddColumn(
            new PairedColumn("Pairs", "Pairs of rounds counted (after the setup's warm-up)", r => r.Pairs.ToString(CultureInfo.InvariantCulture)),
            new PairedColumn("RawFull round", "Mean time of a raw-full round in the pairs (µs; a round is one request, or 64 together)", r => Micro(r.RawMicroseconds)),
            new PairedColumn("Client round", "Mean time of the client's round in the pairs (µs)", r => Micro(r.ClientMicroseconds)),
            new PairedColumn("Time × RawFull", "The client's time ÷ raw-full's over all pairs, [95 % interval over blocks of pairs]", r => $"{r.TimeRatio:0.000} [{r.Low:0.000}, {r.High:0.000}]"),
            new PairedColumn("Req/s × RawFull", "The client's requests per second ÷ raw-full's (1 ÷ time ratio), [95 % interval]", r => $"{1 / r.TimeRatio:0.000} [{1 / r.High:0.000}, {1 / r.Low:0.000}]"));
    }

    private static string Micro(double value) => value.ToString("#,0.0", CultureInfo.InvariantCulture) + " µs";
}

/// <summary>One column read from the case's <see cref="PairedResult"/>.</summary>
internal sealed class PairedColumn : IColumn
{
    private readonly Func<PairedResult, string> _value;

    public PairedColumn(string name, string legend, Func<PairedResult, string> value)
    {
        ColumnName = name;
        Legend = legend;
        _value = value;
    }

    public string Id => nameof(PairedColumn) + "." + ColumnName;
    public string ColumnName { get; }
    public string Legend { get; }
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => false;
    public UnitType UnitType => UnitType.Dimensionless;
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var parameters = benchmarkCase.Parameters.Items.ToDictionary(p => p.Name, p => p.Value);
        var key = LoopbackPairedBenchmarks.CaseKey((int)parameters[nameof(LoopbackPairedBenchmarks.Callers)]!, (string)parameters[nameof(LoopbackPairedBenchmarks.Request)]!, (string)parameters[nameof(LoopbackPairedBenchmarks.Client)]!);
        return PairedResult.ByCase.TryGetValue(key, out var result) ? _value(result) : "-";
    }
}
