using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Checkout.Generated.Internal;

/// <summary>
/// Sends each generated-client request to its operation's host with the credential the operation needs:
/// a scoped OAuth token (refreshed once on 401), the secret key, the public key, or none.
/// </summary>
/// <remarks>Thread-safe and stateless per request; all per-operation decisions are precomputed in <see cref="CheckoutSettings"/>.</remarks>
internal sealed class CheckoutHandler : DelegatingHandler
{
    private readonly CheckoutSettings _settings;
    private readonly TokenCache _tokens;
    private readonly ILogger _logger;

    public CheckoutHandler(CheckoutSettings settings, TokenCache tokens, ILogger logger)
    {
        _settings = settings;
        _tokens = tokens;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (CheckoutCallContext.Find(request) is not { Operation: { } operation } call)
        {
            if (_logger.IsEnabled(LogLevel.Trace)) Log.Untagged(_logger, request.RequestUri?.Host ?? "(none)", null);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var plan = call.Plan ??= _settings.PlanFor(operation);
        var started = _settings.Time.GetTimestamp();
        var attempt = call.AttemptStarted();
        using var retry = attempt > 1 ? CheckoutTelemetry.StartRetry(operation, attempt) : null;
        try
        {
            // The absolute URL, composed once from the operation's host and the path the generated method built.
            if (attempt == 1 && call.RelativeUri is { } relative) request.RequestUri = new Uri(plan.BaseAddress, relative);
            var response = await SendAuthenticatedAsync(request, call, plan, cancellationToken).ConfigureAwait(false);
            call.MayHaveReached();
            if (!(operation.StreamsBody && response.IsSuccessStatusCode)) await ReadBodyAsync(response).ConfigureAwait(false);
            CheckoutTelemetry.Complete(retry, (int)response.StatusCode, null);
            if (_logger.IsEnabled(LogLevel.Information))
                Log.RequestCompleted(_logger, operation.Method, operation.Id, request.RequestUri!.Host, (int)response.StatusCode, Elapsed(started), null);
            return response;
        }
        catch (Exception ex) when (LogFailure(operation, call, request, started, ex, cancellationToken) || Traced(retry, ex))
        {
            throw;
        }
        catch (Exception ex) when (ex is not CheckoutException && !IsConnectFailure(ex))
        {
            call.MayHaveReached();
            throw;
        }
    }

    /// <summary>
    /// Reads the whole body within the attempt, so that a reset or a cut body is a failure of this attempt (retried when
    /// safe, reported as <see cref="CheckoutTransportException"/>) rather than an I/O error in the caller's code. A file
    /// or report download (<see cref="CheckoutOperation.StreamsBody"/>) is not read here: its caller gets the live stream.
    /// </summary>
    private static async Task ReadBodyAsync(HttpResponseMessage response)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Whether the failure happened while connecting, before any byte of the request could reach Checkout.</summary>
    private static bool IsConnectFailure(Exception exception)
    {
#if NET8_0_OR_GREATER
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
            return true;
#endif
        return exception is HttpRequestException { InnerException: System.Net.Sockets.SocketException socket }
            && socket.SocketErrorCode is System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound
                or System.Net.Sockets.SocketError.HostUnreachable or System.Net.Sockets.SocketError.NetworkUnreachable;
    }

    // Not async: it only picks the next task, so it adds no state machine per request (the caller awaits inside its try).
    private Task<HttpResponseMessage> SendAuthenticatedAsync(HttpRequestMessage request, CheckoutCallContext call, OperationPlan plan, CancellationToken cancellationToken)
    {
        // A session secret the caller set is theirs to send (3DS session operations).
        if (plan.AcceptsCallerAuthorization && request.Headers.Authorization is not null)
            return base.SendAsync(request, cancellationToken);

        switch (plan.Mode)
        {
            case AuthMode.None:
                request.Headers.Authorization = null;
                return plan.IsTokenRequest ? SendTokenRequestAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);
            case AuthMode.SecretKey:
            case AuthMode.PublicKey:
                request.Headers.Authorization = plan.KeyHeader;
                return base.SendAsync(request, cancellationToken);
            case AuthMode.OAuth:
                return SendWithTokenAsync(request, call, plan, cancellationToken);
            default:
                throw plan.Denial();
        }
    }

    /// <summary>One token look-up per attempt; after a 401 the token is dropped and the request sent once more with a new one.</summary>
    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, CheckoutCallContext call, OperationPlan plan, CancellationToken cancellationToken)
    {
        var scope = plan.Scope!;
        call.Activity?.SetTag(CheckoutTelemetry.ScopeTag, scope);
        var token = await _tokens.GetAsync(scope, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = token.Header;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        Log.TokenRejected(_logger, scope, plan.Operation.Id, null);
        await _tokens.InvalidateAsync(scope, token).ConfigureAwait(false);
        response.Dispose();
        token = await _tokens.GetAsync(scope, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = token.Header;
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The token operation called through a generated client: its form completed from the options.</summary>
    private async Task<HttpResponseMessage> SendTokenRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await TokenRequestDefaults.ApplyAsync(request, _settings).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static bool Traced(System.Diagnostics.Activity? retry, Exception exception)
    {
        CheckoutTelemetry.Complete(retry, null, exception);
        return false;
    }

    private double Elapsed(long started) => _settings.Time.GetElapsedTime(started).TotalMilliseconds;

    /// <summary>An attempt's failure, at Information and without the exception: the resilience handler logs the call's final failure once.</summary>
    private bool LogFailure(CheckoutOperation operation, CheckoutCallContext call, HttpRequestMessage request, long started, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested) return false;
        if (!_logger.IsEnabled(LogLevel.Information)) return false;
        var attempt = Math.Max(1, call.Attempts);
        Log.AttemptFailed(_logger, operation.Method, operation.Id, attempt, request.RequestUri?.Host ?? "(none)", Elapsed(started), Log.Reason(exception), null);
        return false;
    }
}
