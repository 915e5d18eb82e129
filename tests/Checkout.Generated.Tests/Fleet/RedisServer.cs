using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Fleet;

/// <summary>
/// A real redis-server (Debian's package) on a free loopback port, started once for the Fleet tests with no persistence and
/// stopped by <see cref="FleetSetUp"/> (or after 15 minutes by itself); the tests that need it are skipped, saying how to install it, where it is missing.
/// </summary>
internal sealed class RedisServer : IDisposable
{
    private static readonly Lazy<Task<(RedisServer? Server, string? Missing)>> Shared = new(StartAsync);
    private readonly Process _process;
    private readonly string _directory;

    private RedisServer(Process process, int port, string directory)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The shared server, or the test is ignored with how to install redis-server.</summary>
    public static async Task<RedisServer> RequireAsync()
    {
        var (server, missing) = await Shared.Value;
        if (server is null) Assert.Ignore(missing!);
        return server!;
    }

    /// <summary>Stops the shared server if it was started.</summary>
    public static void StopShared()
    {
        if (Shared.IsValueCreated && Shared.Value.IsCompletedSuccessfully) Shared.Value.Result.Server?.Dispose();
    }

    private static async Task<(RedisServer?, string?)> StartAsync()
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/sbin")
            .Select(d => Path.Combine(d, "redis-server")).FirstOrDefault(File.Exists);
        if (executable is null)
            return (null, "redis-server is not installed: install it with `apt-get update && apt-get install -y redis-server` (Debian's package; .ci/run does) to run the Fleet tests.");

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var directory = Directory.CreateTempSubdirectory("checkout-redis-").FullName;
        // Under coreutils' timeout where there is one, so that the server stops by itself even if the test host dies.
        var watchdog = File.Exists("/usr/bin/timeout");
        var start = new ProcessStartInfo(watchdog ? "/usr/bin/timeout" : executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        if (watchdog)
        {
            foreach (var arg in new[] { "--signal=TERM", "900", executable }) start.ArgumentList.Add(arg);
        }

        foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        var ready = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (log) log.AppendLine(e.Data);
            if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal)) ready.TrySetResult(true);
        };
        process.Exited += (_, _) => ready.TrySetResult(false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = await ready.Task.WaitAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        if (!started)
        {
            lock (log) Assert.Fail($"redis-server did not start on port {port}: {log}");
        }

        return (new RedisServer(process, port, directory), null);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held: the temporary directory is left to the OS.
        }
    }
}
