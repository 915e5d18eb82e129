using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace Checkout.Generated.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet's switcher; without <c>--job</c> it runs the short job (see docs/benchmarks.md).</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected by <paramref name="args"/> (e.g. <c>--filter '*'</c>), or with <c>--serve</c> the loopback benchmarks' server.</summary>
    public static int Main(string[] args)
    {
        if (args is ["--serve"]) return Loopback.LoopbackServer.Run();
        var hasJob = args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(hasJob ? args : args.Concat(new[] { "--job", "short" }).ToArray());
        return 0;
    }
}
