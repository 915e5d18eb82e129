using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Checkout.Generated.Tests.Telemetry;

/// <summary>The innermost handler: keeps every Authorization and idempotency key value that went on the wire.</summary>
internal sealed class WireRecorder : DelegatingHandler
{
    public WireRecorder() => InnerHandler = new SocketsHttpHandler { UseProxy = false };

    public ConcurrentBag<string> Secrets { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is { } authorization)
        {
            Secrets.Add(authorization.ToString());
            if (authorization.Parameter is { Length: > 8 } parameter) Secrets.Add(parameter);
        }
        foreach (var header in request.Headers.Where(h => h.Key.Contains("Idempotency", System.StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var value in header.Value) Secrets.Add(value);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
