using System;
using System.IO;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Checkout.Generated.Internal;

/// <summary>
/// The Checkout handler of the API client. Per call (here): the operation's plan, an idempotency key kept across attempts,
/// the body buffered once when it may be resent, the first attempt under its timeout and any retries
/// (<see cref="CheckoutResiliencePipeline"/>), a transport failure as <see cref="CheckoutTransportException"/>. Per attempt
/// (<c>CheckoutHandler.Attempt.cs</c>): the operation's host and credential, the answer read within the attempt.
/// </summary>
/// <remarks>Thread-safe and stateless per request; all per-operation decisions are precomputed in <see cref="CheckoutSettings"/>.</remarks>
internal sealed partial class CheckoutHandler : DelegatingHandler, IAttemptSender
{
    private readonly CheckoutSettings _settings;
    private readonly CheckoutResiliencePipeline? _pipeline;
    private readonly TokenCache _tokens;
    private readonly ILogger _logger;

    public CheckoutHandler(CheckoutSettings settings, TokenCache tokens, ILogger logger)
    {
        _settings = settings;
        _pipeline = settings.Pipeline;
        _tokens = tokens;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var call = CheckoutCallContext.Find(request) ?? CheckoutCallContext.Attach(request, new CheckoutCallContext(null, null));
        var operation = call.Operation;
        var plan = operation is null ? null : call.Plan ??= _settings.PlanFor(operation);
        if (operation?.IdempotencyKeyHeader is { } header)
        {
            // A key set by the caller is theirs to keep; otherwise one key for this call, whatever its attempts.
            if (request.Headers.TryGetValues(header, out var given)) call.IdempotencyKey = string.Join(",", given);
            else request.Headers.TryAddWithoutValidation(header, call.IdempotencyKey = Guid.NewGuid().ToString("D"));
        }

        call.Repeatable = CheckoutResiliencePipeline.IsIdempotentMethod(request.Method) || call.IdempotencyKey is not null || plan is { IsTokenRequest: true };

        // The body is buffered once, here, and only when it may be sent again: by a retry, or after a 401 with a refreshed token.
        var mayResend = (call.Repeatable && _pipeline is { Retries: true }) || plan is { Mode: AuthMode.OAuth };
        if (mayResend && request.Content is not null and not ByteArrayContent) await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);

        // The call's clock: its total timeout (the attempts and the waits between them) and its final log line count from here.
        call.StartedAt = _settings.Time.GetTimestamp();
        try
        {
            HttpResponseMessage? response = null;
            if (_pipeline is null)
            {
                response = await SendAttemptAsync(request, call, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // The first attempt is sent from here, under its own timeout; only a transient outcome goes on to the retries.
                ExceptionDispatchInfo? failure = null;
                var attempt = _pipeline.StartFirstAttempt(cancellationToken);
                try
                {
                    response = await SendAttemptAsync(request, call, attempt.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (attempt.Captures(e, cancellationToken, out failure))
                {
                }
                finally
                {
                    attempt.End();
                }

                if (response is null || CheckoutResiliencePipeline.IsTransient(response.StatusCode))
                    response = await _pipeline.RetryAsync(request, call, this, response, failure, cancellationToken).ConfigureAwait(false);
            }

            if (operation is not null && CheckoutResiliencePipeline.IsTransient(response.StatusCode))
                LogCallFailed(operation, call, $"HTTP {(int)response.StatusCode}");
            return response;
        }
        catch (Exception ex) when (operation is not null && IsTransportFailure(ex, cancellationToken))
        {
            var failure = TransportFailure.Create(operation, call, ex, out var detail);
            LogCallFailed(operation, call, detail);
            throw failure;
        }
    }

    /// <summary>The call's final failure, once, at Warning; each failed attempt was logged at Information (<see cref="LogAttemptFailed"/>).</summary>
    private void LogCallFailed(CheckoutOperation operation, CheckoutCallContext call, string reason)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
            Log.RequestFailed(_logger, operation.Method, operation.Id, Math.Max(1, call.Attempts), Elapsed(call.StartedAt), reason, null);
    }

    private static bool IsTransportFailure(Exception exception, CancellationToken callerToken) =>
        exception is HttpRequestException or IOException or TimeoutRejectedException
        || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);

    private double Elapsed(long started) => _settings.Time.GetElapsedTime(started).TotalMilliseconds;
}
