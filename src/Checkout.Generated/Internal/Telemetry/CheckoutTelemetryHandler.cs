using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Checkout.Generated.Internal;

/// <summary>The outermost handler: one span and one duration measurement per operation call, around its retries and token requests.</summary>
/// <remarks>Without a listener it only checks two flags and passes the request on (no allocation, no async state machine).</remarks>
internal sealed class CheckoutTelemetryHandler : DelegatingHandler
{
    private readonly TimeProvider _time;
    private readonly string? _client;

    public CheckoutTelemetryHandler(CheckoutSettings settings)
    {
        _time = settings.Time;
        _client = settings.Name;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!CheckoutTelemetry.Observed || CheckoutCallContext.Find(request) is not { Operation: { } operation } call) return base.SendAsync(request, cancellationToken);
        return SendObservedAsync(request, call, operation, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendObservedAsync(HttpRequestMessage request, CheckoutCallContext call, CheckoutOperation operation, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var activity = CheckoutTelemetry.Source.StartActivity(operation.Method + " " + operation.PathTemplate, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("http.request.method", operation.Method);
            activity.SetTag(CheckoutTelemetry.OperationTag, operation.Id);
            if (_client is not null) activity.SetTag(CheckoutTelemetry.ClientTag, _client);
            call.Activity = activity;
        }

        int? status = null;
        Exception? failure = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            if (activity is not null && response.Headers.TryGetValues("Cko-Request-Id", out var ids)) activity.SetTag("checkout.request_id", ids.FirstOrDefault());
            return response;
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            if (activity is not null)
            {
                // The inner handler moved the request to the operation's host.
                if (request.RequestUri is { IsAbsoluteUri: true } uri)
                {
                    activity.SetTag("server.address", uri.Host);
                    activity.SetTag("server.port", uri.Port);
                }
                activity.SetTag("checkout.attempts", Math.Max(1, call.Attempts));
                CheckoutTelemetry.Complete(activity, status, failure);
            }
            if (CheckoutTelemetry.Duration.Enabled)
            {
                var tags = new TagList { { CheckoutTelemetry.OperationTag, operation.Id }, { "checkout.status_class", CheckoutTelemetry.StatusClass(status) } };
                if (CheckoutTelemetry.ErrorType(status, failure) is { } error) tags.Add("error.type", error);
                if (_client is not null) tags.Add(CheckoutTelemetry.ClientTag, _client);
                CheckoutTelemetry.Duration.Record(_time.GetElapsedTime(started).TotalSeconds, tags);
            }
        }
    }
}
