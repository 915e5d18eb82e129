using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Internal;

namespace Checkout.Generated;

/// <summary>
/// The one call core every generated method delegates to: it turns the call a method declared into a request, composes
/// the absolute URL once from the operation's host, sends it through the <see cref="HttpClient"/> (whose handlers add
/// resilience, credentials and telemetry), and reads the answer by the operation's <see cref="CheckoutEndpoint{TResult}"/>.
/// </summary>
internal sealed class CheckoutInvoker
{
    private readonly CheckoutSettings? _settings;

    /// <summary>A core over <paramref name="httpClient"/>; with <paramref name="settings"/> (the factory's or the registration's) it knows each operation's host.</summary>
    public CheckoutInvoker(HttpClient httpClient, CheckoutSettings? settings = null)
    {
        HttpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _settings = settings;
    }

    /// <summary>The HTTP client the calls go through.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>Sends the call and reads its answer: the result of a documented success, else a <see cref="CheckoutApiException"/>.</summary>
    public async Task<TResult> SendAsync<TResult>(CheckoutCallContext call, CheckoutEndpoint<TResult> endpoint, CancellationToken cancellationToken)
    {
        using var request = call.CreateRequest(endpoint.Accept);
        var target = call.Target();
        if (_settings is not null)
        {
            // The plan's host is known here: the absolute URL is composed once, and no handler moves it.
            var plan = call.Plan = _settings.PlanFor(call.Operation!);
            request.RequestUri = new Uri(plan.BaseAddress, target);
        }
        else
        {
            // A client over a bare HttpClient: its base address resolves the path; a Checkout handler, if any, composes the URL from the plan.
            call.RelativeUri = target;
            request.RequestUri = new Uri(target, UriKind.Relative);
        }

        HttpResponseMessage response;
        try
        {
            response = await HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's cancellation: HttpClient.Timeout (or CancelPendingRequests) cut the call short.
            throw TransportFailure.TimedOut(request, e);
        }

        var dispose = true;
        try
        {
            var metadata = CheckoutCall.Metadata(call, request, response);
            if (!endpoint.IsSuccess(metadata.StatusCode)) throw await endpoint.ErrorAsync(response, metadata, cancellationToken).ConfigureAwait(false);
            var result = await endpoint.ReadAsync(response, metadata, cancellationToken).ConfigureAwait(false);
            dispose = !endpoint.TookOver(result);
            return result;
        }
        finally
        {
            if (dispose) response.Dispose();
        }
    }
}
