using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Checkout.Generated.Internal;

/// <summary>One attempt of a call: its host, its credential, the answer read within it, and its log line.</summary>
internal sealed partial class CheckoutHandler
{
    /// <inheritdoc />
    /// <remarks>A request no generated client made (an upload link's PUT) goes out as it is: no plan, no credential.</remarks>
    public Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CheckoutCallContext call, CancellationToken cancellationToken)
    {
        if (call.Operation is { } operation) return SendAttemptAsync(request, call, operation, call.Plan!, cancellationToken);
        if (_logger.IsEnabled(LogLevel.Trace)) Log.Untagged(_logger, request.RequestUri?.Host ?? "(none)", null);
        return base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CheckoutCallContext call, CheckoutOperation operation, OperationPlan plan, CancellationToken cancellationToken)
    {
        var started = _settings.Time.GetTimestamp();
        var attempt = call.AttemptStarted();
        using var retry = attempt > 1 ? CheckoutTelemetry.StartRetry(operation, attempt) : null;
        try
        {
            // The absolute URL, composed once from the operation's host and the path the generated method built.
            if (attempt == 1 && call.RelativeUri is { } relative) request.RequestUri = new Uri(plan.BaseAddress, relative);

            // One token look-up per attempt (a cached token's task is already complete: no wait).
            AccessToken? token = null;
            if (Authorize(request, plan) is { } scope)
            {
                call.Activity?.SetTag(CheckoutTelemetry.ScopeTag, scope);
                token = await _tokens.GetAsync(scope, cancellationToken).ConfigureAwait(false);
                request.Headers.Authorization = token.Header;
            }
            else if (plan.IsTokenRequest)
            {
                await TokenRequestDefaults.ApplyAsync(request, _settings).ConfigureAwait(false);
            }

            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (token is not null && response.StatusCode == HttpStatusCode.Unauthorized)
                response = await ResendWithNewTokenAsync(request, plan, token, response, cancellationToken).ConfigureAwait(false);
            call.MayHaveReached();

            // The whole body is read within the attempt, so that a reset or a cut body is a failure of this attempt (retried
            // when safe, reported as CheckoutTransportException) rather than an I/O error in the caller's code. A file or
            // report download (StreamsBody) is not read here: its caller gets the live stream.
            if (!(operation.StreamsBody && response.IsSuccessStatusCode))
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

            CheckoutTelemetry.Complete(retry, (int)response.StatusCode, null);
            if (_logger.IsEnabled(LogLevel.Information))
                Log.RequestCompleted(_logger, operation.Method, operation.Id, request.RequestUri!.Host, (int)response.StatusCode, Elapsed(started), null);
            return response;
        }
        catch (Exception ex) when (LogAttemptFailed(operation, call, request, started, ex, cancellationToken) || Traced(retry, ex))
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
    /// Puts the plan's credential on the request: a session secret the caller set (3DS session operations) stays, a key is
    /// set, none is removed. Returns the scope when the credential is an OAuth token, to be looked up by the caller.
    /// </summary>
    /// <exception cref="CheckoutAuthorizationException">The configured credentials cannot make this call.</exception>
    private static string? Authorize(HttpRequestMessage request, OperationPlan plan)
    {
        if (plan.AcceptsCallerAuthorization && request.Headers.Authorization is not null) return null;
        switch (plan.Mode)
        {
            case AuthMode.None:
                request.Headers.Authorization = null;
                return null;
            case AuthMode.SecretKey:
            case AuthMode.PublicKey:
                request.Headers.Authorization = plan.KeyHeader;
                return null;
            case AuthMode.OAuth:
                return plan.Scope!;
            default:
                throw plan.Denial();
        }
    }

    /// <summary>After a 401 to <paramref name="rejected"/>: the token is dropped and the request sent once more with a new one.</summary>
    private async Task<HttpResponseMessage> ResendWithNewTokenAsync(HttpRequestMessage request, OperationPlan plan, AccessToken rejected, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var scope = plan.Scope!;
        Log.TokenRejected(_logger, scope, plan.Operation.Id, null);
        await _tokens.InvalidateAsync(scope, rejected).ConfigureAwait(false);
        response.Dispose();
        var token = await _tokens.GetAsync(scope, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = token.Header;
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
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

    private static bool Traced(System.Diagnostics.Activity? retry, Exception exception)
    {
        CheckoutTelemetry.Complete(retry, null, exception);
        return false;
    }

    /// <summary>An attempt's failure, at Information and without the exception: the call's final failure is logged once (<see cref="LogCallFailed"/>).</summary>
    private bool LogAttemptFailed(CheckoutOperation operation, CheckoutCallContext call, HttpRequestMessage request, long started, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested) return false;
        if (!_logger.IsEnabled(LogLevel.Information)) return false;
        var attempt = Math.Max(1, call.Attempts);
        Log.AttemptFailed(_logger, operation.Method, operation.Id, attempt, request.RequestUri?.Host ?? "(none)", Elapsed(started), Log.Reason(exception), null);
        return false;
    }
}
