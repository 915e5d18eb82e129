using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
using Checkout.Generated.Benchmarks.Internal;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Benchmarks.Loopback;

/// <summary>
/// Starts <see cref="LoopbackServer"/> in a child process (this benchmark assembly with <c>--serve</c>), waits until it
/// listens, reads back what it saw, and stops it.
/// </summary>
/// <remarks>
/// The child is this benchmark program (its apphost, or <c>dotnet</c> with its assembly), which is the running process
/// only when the benchmarks run in it (<c>--inProcess</c>): BenchmarkDotNet's generated child processes are other programs.
/// </remarks>
internal sealed class LoopbackProcess : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _probe;

    private LoopbackProcess(Process process, int typeFirstPort, int idFirstPort)
    {
        _process = process;
        TypeFirst = new Uri($"http://127.0.0.1:{typeFirstPort}/");
        IdFirst = new Uri($"http://127.0.0.1:{idFirstPort}/");
        _probe = new HttpClient { BaseAddress = TypeFirst };
    }

    /// <summary>The port whose 201 answer starts <c>source</c> with <c>type</c>.</summary>
    public Uri TypeFirst { get; }

    /// <summary>The port whose 201 answer starts <c>source</c> with <c>id</c>.</summary>
    public Uri IdFirst { get; }

    /// <summary>Starts the server and waits (at most 30 s) for it to listen.</summary>
    public static LoopbackProcess Start()
    {
        var assembly = typeof(LoopbackServer).Assembly.Location;
        var config = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        if (!File.Exists(config))
            throw new InvalidOperationException($"No {Path.GetFileName(config)} beside {assembly}: run the loopback benchmarks with --inProcess (the server is started from this assembly).");
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // The muxer runs the assembly on its own runtime configuration; an apphost is this very program.
        if (Path.GetFileNameWithoutExtension(start.FileName) is "dotnet") start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--serve");
        var process = Process.Start(start) ?? throw new InvalidOperationException("The loopback server did not start.");
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(30)) || ready.Result is not { } line || !line.StartsWith(LoopbackServer.ReadyLine, StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException("The loopback server did not report its ports within 30 s.");
        }
        var ports = line.Substring(LoopbackServer.ReadyLine.Length).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new LoopbackProcess(process, int.Parse(ports[0]), int.Parse(ports[1]));
    }

    /// <summary>What the last API request carried and how many token requests arrived, as the server saw them.</summary>
    public (string Method, string Path, string Credential, long BodyLength, int TokenRequests) Last()
    {
        var json = JObject.Parse(_probe.GetStringAsync("_bench/last").GetAwaiter().GetResult());
        return ((string)json["method"]!, (string)json["path"]!, (string)json["credential"]!, (long)json["body_length"]!, (int)json["token_requests"]!);
    }

    /// <summary>Fails unless the port's 201 answer starts <c>source</c> as expected (the premise of the POST cases).</summary>
    public void RequireSourceStart(Uri port, string start)
    {
        using var http = new HttpClient { BaseAddress = port };
        using var body = new StringContent(Payloads.CardPaymentRequest, Encoding.UTF8, "application/json");
        using var response = http.PostAsync("payments", body).GetAwaiter().GetResult();
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!text.Contains("\"source\":" + start, StringComparison.Ordinal))
            throw new InvalidOperationException($"The 201 answer from {port} does not start its source with {start}.");
    }

    /// <summary>Closes the server's standard input (it exits) and waits for it; kills it if it lingers.</summary>
    public void Dispose()
    {
        _probe.Dispose();
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000)) _process.Kill();
        }
        finally
        {
            _process.Dispose();
        }
    }
}
