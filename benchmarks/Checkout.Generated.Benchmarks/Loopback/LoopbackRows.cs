using System;
using System.Net.Http;
using System.Threading.Tasks;
using Checkout.Generated.Benchmarks.Internal;
using Checkout.Generated.Models;
using Newtonsoft.Json;

namespace Checkout.Generated.Benchmarks.Loopback;

/// <summary>
/// The four rows of <see cref="LoopbackBenchmarks"/> against one port of the loopback server, each with its own connection
/// pool: plain <c>HttpClient</c> + Newtonsoft into the small DTO (<c>RawDto</c>) and into the generated models
/// (<c>RawFull</c>); this client with a secret key; with OAuth (token endpoint on the same server, token cached).
/// </summary>
internal sealed class LoopbackRows : IDisposable
{
    private readonly HttpMessageHandler _dtoWire = new SocketsHttpHandler();
    private readonly HttpMessageHandler _fullWire = new SocketsHttpHandler();
    private readonly RawCheckout _rawDto;
    private readonly RawCheckout _rawFull;
    private readonly CheckoutClientFactory _secretKeyFactory;
    private readonly CheckoutClientFactory _oauthFactory;
    private readonly IPaymentsClient _secretKey;
    private readonly IPaymentsClient _oauth;
    private readonly SmallDto.PaymentRequest _dtoRequest;
    private readonly PaymentRequest _request;
    private readonly RequestPaymentOrPayoutRequest _body;

    /// <summary>The rows against <paramref name="server"/>, each sending the committed card payment request (the DTO and the models).</summary>
    public LoopbackRows(Uri server)
    {
        _dtoRequest = JsonConvert.DeserializeObject<SmallDto.PaymentRequest>(Payloads.CardPaymentRequest, SmallDto.Settings)!;
        _request = CardPayment.Compose(CheckoutJson.Configure(new JsonSerializerSettings()));
        _body = _request;
        _rawDto = new RawCheckout(_dtoWire, SmallDto.Settings, server);
        _rawFull = new RawCheckout(_fullWire, CheckoutJson.Configure(new JsonSerializerSettings()), server);
        var secretKey = Fixtures.SecretKeyOptions();
        secretKey.BaseAddresses["api"] = server;
        _secretKeyFactory = new CheckoutClientFactory(secretKey);
        _secretKey = _secretKeyFactory.Create<IPaymentsClient>();
        var oauth = Fixtures.OAuthOptions();
        oauth.BaseAddresses["api"] = server;
        oauth.TokenEndpoint = new Uri(server, "connect/token");
        _oauthFactory = new CheckoutClientFactory(oauth);
        _oauth = _oauthFactory.Create<IPaymentsClient>();

        PostRawDto = () => _rawDto.PostPaymentAsync<SmallDto.Payment>(_dtoRequest);
        PostRawFull = () => _rawFull.PostPaymentAsync<PaymentResponse>(_request);
        PostSecretKey = () => _secretKey.RequestPaymentOrPayoutAsync(_body);
        PostOAuth = () => _oauth.RequestPaymentOrPayoutAsync(_body);
        GetRawDto = () => _rawDto.GetPaymentAsync<SmallDto.Payment>(Fixtures.PaymentId);
        GetRawFull = () => _rawFull.GetPaymentAsync(Fixtures.PaymentId, Fixtures.DetailsModel);
        GetSecretKey = () => _secretKey.GetPaymentDetailsAsync(Fixtures.PaymentId);
        GetOAuth = () => _oauth.GetPaymentDetailsAsync(Fixtures.PaymentId);
    }

    /// <summary>POST /payments, plain HttpClient + Newtonsoft, small DTOs.</summary>
    public Func<Task> PostRawDto { get; }

    /// <summary>POST /payments, plain HttpClient + Newtonsoft, the generated models.</summary>
    public Func<Task> PostRawFull { get; }

    /// <summary>POST /payments through the client, secret key.</summary>
    public Func<Task> PostSecretKey { get; }

    /// <summary>POST /payments through the client, OAuth.</summary>
    public Func<Task> PostOAuth { get; }

    /// <summary>GET /payments/{id}, plain HttpClient + Newtonsoft, small DTO.</summary>
    public Func<Task> GetRawDto { get; }

    /// <summary>GET /payments/{id}, plain HttpClient + Newtonsoft, the generated model.</summary>
    public Func<Task> GetRawFull { get; }

    /// <summary>GET /payments/{id} through the client, secret key.</summary>
    public Func<Task> GetSecretKey { get; }

    /// <summary>GET /payments/{id} through the client, OAuth.</summary>
    public Func<Task> GetOAuth { get; }

    /// <summary>Starts <paramref name="callers"/> calls together (1: one in flight) and completes when all have.</summary>
    public static Task Together(Func<Task> call, int callers)
    {
        if (callers == 1) return call();
        var calls = new Task[callers];
        for (var i = 0; i < calls.Length; i++) calls[i] = call();
        return Task.WhenAll(calls);
    }

    /// <summary>Sends each request once and fails unless the server saw it as expected and the answer read as the committed payment.</summary>
    public void Check(LoopbackProcess server)
    {
        var path = "/payments";
        Expect(server, PostRawDto, "POST", path, "secret-key");
        Expect(server, PostRawFull, "POST", path, "secret-key");
        Expect(server, PostSecretKey, "POST", path, "secret-key");
        Expect(server, PostOAuth, "POST", path, "access-token");
        path = "/payments/" + Fixtures.PaymentId;
        Expect(server, GetRawDto, "GET", path, "secret-key");
        Expect(server, GetRawFull, "GET", path, "secret-key");
        Expect(server, GetSecretKey, "GET", path, "secret-key");
        Expect(server, GetOAuth, "GET", path, "access-token");
        var tokens = server.Last().TokenRequests;
        Expect(server, PostOAuth, "POST", "/payments", "access-token");
        Expect(server, GetOAuth, "GET", path, "access-token");
        if (tokens < 1 || server.Last().TokenRequests != tokens)
            throw new InvalidOperationException($"{tokens} token request(s) for the first OAuth calls, then more for the next ones (expected at least one, then none: cached).");
    }

    public void Dispose()
    {
        _oauthFactory.Dispose();
        _secretKeyFactory.Dispose();
        _dtoWire.Dispose();
        _fullWire.Dispose();
    }

    private static void Expect(LoopbackProcess server, Func<Task> call, string method, string path, string credential)
    {
        var task = call();
        task.GetAwaiter().GetResult();
        var seen = server.Last();
        if (seen.Method != method || seen.Path != path || seen.Credential != credential)
            throw new InvalidOperationException($"The server saw {seen.Method} {seen.Path} with {seen.Credential}, expected {method} {path} with {credential}.");
        if (method == "POST" && seen.BodyLength < Payloads.CardPaymentRequest.Length)
            throw new InvalidOperationException($"The POST body was {seen.BodyLength} B, shorter than the {Payloads.CardPaymentRequest.Length} B request.");

        var result = task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task);
        object? source = result switch
        {
            RequestPaymentOrPayoutResult posted => posted.Created?.Source,
            PaymentResponse created => created.Source,
            SmallDto.Payment dto => dto.Approved && dto.Id == Fixtures.PaymentId && dto.Amount == 6540 ? dto : null,
            { } details when details.GetType() == Fixtures.DetailsModel => details.GetType().GetProperty("Source")?.GetValue(details),
            _ => null,
        };
        if (source is null) throw new InvalidOperationException($"{result?.GetType().Name}: the answer did not read as the committed payment.");
        if (source is not SmallDto.Payment && source.GetType().Name.IndexOf("Card", StringComparison.Ordinal) < 0)
            throw new InvalidOperationException($"{result?.GetType().Name}: the card source read as {source.GetType().Name}.");
    }
}
