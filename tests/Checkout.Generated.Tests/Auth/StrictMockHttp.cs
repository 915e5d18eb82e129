using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using RichardSzalay.MockHttp;

namespace Checkout.Generated.Tests.Auth;

/// <summary>A MockHttp handler that fails loudly on any request nobody set up, and counts every request it sees.</summary>
internal sealed class StrictMockHttp : MockHttpMessageHandler
{
    private int _calls;

    public StrictMockHttp()
        : base(BackendDefinitionBehavior.Always)
    {
        Fallback.Respond(request => throw new AssertionException($"Unexpected HTTP call: {request.Method} {request.RequestUri}"));
    }

    /// <summary>Every request that reached this handler, expected or not.</summary>
    public int Calls => Volatile.Read(ref _calls);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return base.SendAsync(request, cancellationToken);
    }
}
