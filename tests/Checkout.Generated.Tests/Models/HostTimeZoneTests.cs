using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Models;

/// <summary>
/// A timestamp without an offset reads as UTC on a host in another time zone: the model is read in a child process
/// (Checkout.Generated.HostProbe) started with <c>TZ=America/New_York</c>, since a process's time zone is fixed at start.
/// </summary>
[Category("Fidelity")]
public class HostTimeZoneTests
{
    [Test]
    public async Task OffsetlessTimestamp_ReadOnANewYorkHost_IsUtc()
    {
        var (hostOffset, written) = await ReadInChildProcessAsync("America/New_York", "PaymentDetails",
            """{"requested_on":"2023-06-15T07:03:01.9998684","x_seen_on":"2023-06-15T07:03:01"}""");

        if (hostOffset == TimeSpan.Zero) Assert.Inconclusive("the child process did not get the New York time zone (no tz database on this host?)");
        Assert.That(written, Is.EqualTo("""{"requested_on":"2023-06-15T07:03:01.9998684Z","x_seen_on":"2023-06-15T07:03:01"}"""));
    }

    [Test]
    public async Task TimestampWithOffset_ReadOnANewYorkHost_KeepsItsOffset()
    {
        var (hostOffset, written) = await ReadInChildProcessAsync("America/New_York", "PaymentDetails", """{"requested_on":"2023-06-15T09:03:01+02:00"}""");

        if (hostOffset == TimeSpan.Zero) Assert.Inconclusive("the child process did not get the New York time zone (no tz database on this host?)");
        Assert.That(written, Is.EqualTo("""{"requested_on":"2023-06-15T09:03:01+02:00"}"""));
    }

    private static async Task<(TimeSpan HostOffset, string Written)> ReadInChildProcessAsync(string timeZone, string model, string body)
    {
        var directory = Path.GetDirectoryName(typeof(HostTimeZoneTests).Assembly.Location)!;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        // The test assembly's runtime and dependency files resolve the probe's references from this directory.
        foreach (var arg in new[] { "exec", "--runtimeconfig", "Checkout.Generated.Tests.runtimeconfig.json", "--depsfile", "Checkout.Generated.Tests.deps.json", "Checkout.Generated.HostProbe.dll", model })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["TZ"] = timeZone;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(body);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the probe did not finish within 60 s");
        }
        Assert.That(process.ExitCode, Is.Zero, await error);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Has.Length.EqualTo(2), await output);
        return (TimeSpan.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture), lines[1]);
    }
}
