using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Checkout.Generated.Internal;

/// <summary>
/// The outer handler of every call: resolves the call's plan, gives operations that declare an idempotency key one (kept
/// across retries), buffers the body when it may be resent, runs the resilience pipeline, and turns a transport failure
/// into <see cref="CheckoutTransportException"/>.
/// </summary>
/// <remarks>It sits before the retries so that every attempt sends the same key and the same bytes.</remarks>
internal sealed class CheckoutResilienceHandler : DelegatingHandler, IAttemptSender
{
    private readonly CheckoutSettings _settings;
    private readonly CheckoutResiliencePipeline? _pipeline;
    private readonly ILogger _logger;

    public CheckoutResilienceHandler(CheckoutSettings settings, ILogger logger)
    {
        _settings = settings;
        _pipeline = settings.Pipeline;
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

        var started = _settings.Time.GetTimestamp();
        try
        {
            // The total timeout counts from the first attempt: the attempts and the waits between them. Each attempt looks
            // its token up once (the token requests have their own client, timeout and retries: TokenBackChannel).
            var response = _pipeline is null
                ? await base.SendAsync(request, cancellationToken).ConfigureAwait(false)
                : await _pipeline.SendAsync(request, call, this, cancellationToken).ConfigureAwait(false);
            if (operation is not null && CheckoutResiliencePipeline.IsTransient(response.StatusCode))
                LogFailure(operation, call, started, $"HTTP {(int)response.StatusCode}");
            return response;
        }
        catch (Exception ex) when (operation is not null && IsTransportFailure(ex, cancellationToken))
        {
            var failure = TransportFailure.Create(operation, call, ex, out var detail);
            LogFailure(operation, call, started, detail);
            throw failure;
        }
    }

    /// <summary>The call's final failure, once, at Warning; each failed attempt was logged at Information by the inner handler.</summary>
    private void LogFailure(CheckoutOperation operation, CheckoutCallContext call, long started, string reason)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
            Log.RequestFailed(_logger, operation.Method, operation.Id, Math.Max(1, call.Attempts), _settings.Time.GetElapsedTime(started).TotalMilliseconds, reason, null);
    }

    /// <inheritdoc />
    Task<HttpResponseMessage> IAttemptSender.SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);

    private static bool IsTransportFailure(Exception exception, CancellationToken callerToken) =>
        exception is HttpRequestException or IOException or TimeoutRejectedException
        || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);
}
