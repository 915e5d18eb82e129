using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Checkout.Generated.Internal;

/// <summary>What sends one attempt of a call down the handler chain, for <see cref="CheckoutResiliencePipeline"/>'s retries.</summary>
internal interface IAttemptSender
{
    /// <summary>Sends <paramref name="request"/> once, as it is (same key, same bytes), for <paramref name="call"/>.</summary>
    Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CheckoutCallContext call, CancellationToken cancellationToken);
}
