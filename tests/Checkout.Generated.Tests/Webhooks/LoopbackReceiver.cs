using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Checkout.Generated.Tests.Webhooks;

/// <summary>A bare loopback HTTP receiver that records every request and answers the statuses it is told to, then 200.</summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers;

    private LoopbackReceiver(WebApplication app, ConcurrentQueue<int> answers)
    {
        _app = app;
        _answers = answers;
    }

    public ConcurrentQueue<(string Body, string? Signature, string? Authorization, int Answer)> Requests { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<LoopbackReceiver> StartAsync(params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app, new ConcurrentQueue<int>(answers));
        app.MapPost("/hook", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var answer = receiver._answers.TryDequeue(out var status) ? status : 200;
            receiver.Requests.Enqueue((body, context.Request.Headers["Cko-Signature"].FirstOrDefault(), context.Request.Headers.Authorization.FirstOrDefault(), answer));
            context.Response.StatusCode = answer;
        });
        await app.StartAsync();
        receiver.Url = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
