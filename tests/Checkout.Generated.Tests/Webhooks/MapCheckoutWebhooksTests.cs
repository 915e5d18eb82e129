using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Checkout.Generated.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Webhooks;

/// <summary>The ASP.NET Core receiver on a real loopback listener: what each request gets back, and what the handler sees.</summary>
[Category("Webhooks")]
public class MapCheckoutWebhooksTests
{
    private const string Key = "aspnet-test-signing-key";
    private static readonly byte[] Body = WebhookSigning.Utf8("""{"id":"evt_1","type":"dispute_won","created_on":"2026-12-01T08:00:00Z","data":{"id":"dsp_1","amount":1.10}}""");
    private readonly ConcurrentQueue<CheckoutWebhookEvent> _handled = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private Uri _url = null!;
    private bool _handlerThrows;

    [OneTimeSetUp]
    public async Task Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddCheckoutWebhooks(o => { o.SignatureKeys.Add(Key); o.MaxBodyBytes = 4096; });
        _app = builder.Build();
        _app.MapCheckoutWebhooks("/webhooks", (webhook, context) =>
        {
            if (_handlerThrows) throw new InvalidOperationException("the handler failed");
            _handled.Enqueue(webhook);
            return Task.CompletedTask;
        });
        await _app.StartAsync();
        _url = new Uri(new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/webhooks");
        _http = new HttpClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [SetUp]
    public void Reset()
    {
        _handled.Clear();
        _handlerThrows = false;
    }

    private async Task<HttpStatusCode> PostAsync(byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        if (signature is not null) request.Headers.TryAddWithoutValidation("Cko-Signature", signature);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    [Test]
    public async Task Post_SignedEvent_Answers200AndHandsTheHandlerTheEventOfTheRawBytes()
    {
        var status = await PostAsync(Body, WebhookSigning.Sign(Key, Body));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_handled.Single().Id, Is.EqualTo("evt_1"));
        Assert.That(_handled.Single().RawData!["amount"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("1.10"));
    }

    [Test]
    public async Task Post_TamperedOrUnsigned_Answers401AndNeverCallsTheHandler()
    {
        var signature = WebhookSigning.Sign(Key, Body);
        var tampered = (byte[])Body.Clone();
        tampered[^3] = (byte)'9';

        Assert.That(await PostAsync(tampered, signature), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await PostAsync(Body, null), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await PostAsync(Body, "not-hex"), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(_handled, Is.Empty);
    }

    [Test]
    public async Task Post_LargerThanMaxBodyBytes_Answers413()
    {
        var large = WebhookSigning.Utf8("{\"pad\":\"" + new string('x', 5000) + "\"}");

        Assert.That(await PostAsync(large, WebhookSigning.Sign(Key, large)), Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(_handled, Is.Empty);
    }

    [Test]
    public async Task Post_SignedButNotAnEvent_Answers400()
    {
        var array = WebhookSigning.Utf8("[1,2,3]");

        Assert.That(await PostAsync(array, WebhookSigning.Sign(Key, array)), Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Post_HandlerThrows_Answers500SoCheckoutDeliversAgain()
    {
        _handlerThrows = true;

        Assert.That(await PostAsync(Body, WebhookSigning.Sign(Key, Body)), Is.EqualTo(HttpStatusCode.InternalServerError));
    }

    [Test]
    public void Start_NoSignatureKey_FailsAtStartUpSayingWhatToSet()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddCheckoutWebhooks(_ => { });
        using var app = builder.Build();
        app.MapCheckoutWebhooks("/webhooks", (_, _) => Task.CompletedTask);

        var e = Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.That(e!.Message, Does.Contain("SignatureKeys is empty"));
    }
}
