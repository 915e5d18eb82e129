using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Checkout.Generated.Benchmarks.Internal;

/// <summary>
/// In-process stand-in for Checkout.com: canned JSON for <c>GET /payments/{id}</c> and the token endpoint, with no I/O.
/// Responses complete synchronously, or after a thread-pool hop (as a socket does) so async state machines are paid for.
/// Anything else gets a 404, which the generated client throws on.
/// </summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly byte[] _paymentBody;
    private readonly byte[] _tokenBody;
    private readonly bool _asynchronous;
    private int _tokenRequests;

    public StubHandler(byte[] paymentBody, byte[] tokenBody, bool asynchronous)
    {
        _paymentBody = paymentBody;
        _tokenBody = tokenBody;
        _asynchronous = asynchronous;
    }

    /// <summary>How many token requests reached the stub.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>The URL of the last API request (for the setup checks).</summary>
    public Uri? LastApiUri { get; private set; }

    /// <summary>The Authorization header of the last API request (for the setup checks).</summary>
    public AuthenticationHeaderValue? LastAuthorization { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = Respond(request);
        return _asynchronous ? AfterYieldAsync(response) : Task.FromResult(response);
    }

    private static async Task<HttpResponseMessage> AfterYieldAsync(HttpResponseMessage response)
    {
        await Task.Yield();
        return response;
    }

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        if (request.Method == HttpMethod.Post && path.EndsWith("/connect/token", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _tokenRequests);
            return Json(request, HttpStatusCode.OK, _tokenBody);
        }

        if (request.Method == HttpMethod.Get && path.StartsWith("/payments/", StringComparison.Ordinal))
        {
            LastApiUri = request.RequestUri;
            LastAuthorization = request.Headers.Authorization;
            return Json(request, HttpStatusCode.OK, _paymentBody);
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
    }

    private static HttpResponseMessage Json(HttpRequestMessage request, HttpStatusCode status, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }
}
