using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Benchmarks.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Checkout.Generated.Benchmarks.Loopback;

/// <summary>
/// The server side of <see cref="LoopbackBenchmarks"/>, run in its own process (<c>--serve</c>) so that its allocations
/// stay out of the measured one: Kestrel on 127.0.0.1, two ports that differ only in the 201 answer's key order.
/// </summary>
/// <remarks>
/// <c>POST …/payments</c> → 201 with <c>payment-created.json</c> (first port: <c>source</c> starts with <c>type</c>;
/// second port: with <c>id</c>), <c>GET …/payments/{id}</c> → 200 with <c>payment-details.json</c>,
/// <c>POST …/connect/token</c> → a token, <c>GET /_bench/last</c> → what the last API request carried (for the setups'
/// checks: method, path, which known credential, body length, token requests so far). It exits when its standard input
/// closes (the parent process ended) or after an hour.
/// </remarks>
internal static class LoopbackServer
{
    /// <summary>The line the server prints once listening, followed by its two ports.</summary>
    public const string ReadyLine = "loopback-server-listening";

    private static LastRequest _last = new("", "", "none", 0);
    private static int _tokenRequests;

    /// <summary>Serves until the parent closes standard input; returns the exit code.</summary>
    public static int Run()
    {
        // CHECKOUT_LOOPBACK_SERVER_CPUS (a CPU mask, e.g. 2 = the second core) keeps the server off the measured
        // process's cores: run the benchmarks under `taskset -c 0` and the two stop competing (docs/benchmarks.md).
        if (long.TryParse(Environment.GetEnvironmentVariable("CHECKOUT_LOOPBACK_SERVER_CPUS"), out var cpus) && cpus > 0 && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
            System.Diagnostics.Process.GetCurrentProcess().ProcessorAffinity = (IntPtr)cpus;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Listen(IPAddress.Loopback, 0);
            o.AddServerHeader = false;
        });
        var app = builder.Build();
        var created = Payloads.PaymentCreated;
        var createdIdFirst = Payloads.PaymentCreatedIdFirst;
        var details = Payloads.PaymentDetails;
        var token = Payloads.Token;
        int idFirstPort = 0;
        app.Run(context => Answer(context, context.Connection.LocalPort == idFirstPort ? createdIdFirst : created, details, token));

        app.StartAsync().GetAwaiter().GetResult();
        var ports = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a).Port).ToArray();
        if (ports.Length != 2) throw new InvalidOperationException($"Kestrel listens on {ports.Length} addresses, expected 2.");
        idFirstPort = ports[1];
        Console.WriteLine($"{ReadyLine} {ports[0]} {ports[1]}");
        Console.Out.Flush();

        // Standard input closes when the parent ends, whichever way it ends.
        var parentGone = Task.Run(() => Console.In.ReadToEnd());
        Task.WaitAny(parentGone, Task.Delay(TimeSpan.FromHours(1)));
        app.StopAsync().Wait(TimeSpan.FromSeconds(5));
        return 0;
    }

    private static async Task Answer(HttpContext context, byte[] created, byte[] details, byte[] token)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        if (HttpMethods.IsPost(request.Method) && path.EndsWith("/connect/token", StringComparison.Ordinal))
        {
            await Drain(request).ConfigureAwait(false);
            Interlocked.Increment(ref _tokenRequests);
            await Json(context, 200, token).ConfigureAwait(false);
            return;
        }
        if (HttpMethods.IsGet(request.Method) && path == "/_bench/last")
        {
            var last = Volatile.Read(ref _last);
            var text = $"{{\"method\":\"{last.Method}\",\"path\":\"{last.Path}\",\"credential\":\"{last.Credential}\",\"body_length\":{last.BodyLength},\"token_requests\":{Volatile.Read(ref _tokenRequests)}}}";
            await Json(context, 200, System.Text.Encoding.UTF8.GetBytes(text)).ConfigureAwait(false);
            return;
        }

        var length = await Drain(request).ConfigureAwait(false);
        Volatile.Write(ref _last, new LastRequest(request.Method, path, Credential(request.Headers.Authorization.ToString()), length));
        if (HttpMethods.IsPost(request.Method) && path.EndsWith("/payments", StringComparison.Ordinal)) await Json(context, 201, created).ConfigureAwait(false);
        else if (HttpMethods.IsGet(request.Method) && path.Contains("/payments/")) await Json(context, 200, details).ConfigureAwait(false);
        else context.Response.StatusCode = 404;
    }

    /// <summary>Which fixture credential a header carries, by name: the value itself is never echoed.</summary>
    private static string Credential(string authorization) => authorization switch
    {
        "Bearer " + Fixtures.SecretKey => "secret-key",
        "Bearer " + Fixtures.AccessToken => "access-token",
        "" => "none",
        _ => "other",
    };

    private static async Task<long> Drain(HttpRequest request)
    {
        var buffer = new byte[4096];
        long total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer).ConfigureAwait(false)) > 0) total += read;
        return total;
    }

    private static Task Json(HttpContext context, int status, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        response.Headers["Cko-Request-Id"] = CannedCheckoutHandler.RequestId;
        response.Headers["Cko-Version"] = "1.0.0";
        return response.Body.WriteAsync(body, 0, body.Length);
    }

    private sealed record LastRequest(string Method, string Path, string Credential, long BodyLength);
}
