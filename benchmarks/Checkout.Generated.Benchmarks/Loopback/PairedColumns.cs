using System;
using System.Collections.Generic;
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
            new PairedColumn("Pairs", "Pairs of rounds counted (after the setup's warm-up; BenchmarkDotNet's own warm-up included)", r => r.Pairs.ToString(CultureInfo.InvariantCulture)),
            new PairedColumn("RawFull round", "Mean time of a raw-full round in the pairs (µs; a round is one request, or 64 together)", r => Micro(r.RawMicroseconds)),
            new PairedColumn("Client round", "Mean time of the client's round in the pairs (µs)", r => Micro(r.ClientMicroseconds)),
            new PairedColumn("Time × RawFull", "The client's total time ÷ raw-full's over all pairs [± two standard errors, from blocks of pairs: within this run only]", r => $"{r.TimeRatio:0.000} [{r.Low:0.000}, {r.High:0.000}]"),
            new PairedColumn("Req/s × RawFull", "The client's requests per second ÷ raw-full's, one in flight or in bursts of 64 (1 ÷ the time ratio) [same interval]", r => $"{1 / r.TimeRatio:0.000} [{1 / r.High:0.000}, {1 / r.Low:0.000}]"));
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
        // The cases ran in this process only with --inProcess; in child processes their tallies stayed there.
        if (PairedResult.ByCase.IsEmpty) return "(--inProcess)";
        var parameters = benchmarkCase.Parameters.Items.ToDictionary(p => p.Name, p => p.Value);
        if (parameters.GetValueOrDefault(nameof(LoopbackPairedBenchmarks.Callers)) is not int callers
            || parameters.GetValueOrDefault(nameof(LoopbackPairedBenchmarks.Request)) is not string request
            || parameters.GetValueOrDefault(nameof(LoopbackPairedBenchmarks.Client)) is not string client)
            return "-";
        if (!PairedResult.ByCase.TryGetValue(LoopbackPairedBenchmarks.CaseKey(callers, request, client), out var result)) return "-";
        return result is null ? "(too few pairs)" : _value(result);
    }
}
