using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Checkout.Generated.Internal;

/// <summary>
/// The outer handler of every call: gives operations that declare an idempotency key one (kept across retries), buffers the
/// body, runs the resilience pipeline, and turns a transport failure into <see cref="CheckoutTransportException"/>.
/// </summary>
/// <remarks>It sits before the retries so that every attempt sends the same key and the same bytes.</remarks>
internal sealed class CheckoutResilienceHandler : DelegatingHandler, IAttemptSender
{
    private readonly CheckoutSettings _settings;
    private readonly TokenCache _tokens;
    private readonly CheckoutResiliencePipeline? _pipeline;
    private readonly ILogger _logger;

    public CheckoutResilienceHandler(CheckoutSettings settings, TokenCache tokens, ILogger logger)
    {
        _settings = settings;
        _tokens = tokens;
        _pipeline = settings.Pipeline;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var operation = CheckoutOperationCatalog.Of(request);
        var state = CheckoutRequestState.Of(request);
        if (operation?.IdempotencyKeyHeader is { } header)
        {
            // A key set by the caller is theirs to keep; otherwise one key for this call, whatever its attempts.
            if (request.Headers.TryGetValues(header, out var given)) state.IdempotencyKey = string.Join(",", given);
            else request.Headers.TryAddWithoutValidation(header, state.IdempotencyKey = Guid.NewGuid().ToString("D"));
        }

        var repeatable = state.Repeatable = CheckoutResiliencePipeline.IsIdempotentMethod(request.Method) || state.IdempotencyKey is not null || IsTokenRequest(request);
        if (repeatable && request.Content is not null and not ByteArrayContent) await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);

        // The token first, outside the attempts: its request has its own retries and timeouts, and a slow token endpoint must
        // not use up the API call's attempts. The attempts then find it cached (a 401 still refreshes it inside an attempt).
        if (operation is not null && _settings.PlanFor(operation) is { Mode: AuthMode.OAuth, Scope: { } scope } plan
            && !(plan.AcceptsCallerAuthorization && request.Headers.Authorization is not null))
            await _tokens.GetAsync(scope, cancellationToken).ConfigureAwait(false);

        var started = _settings.Time.GetTimestamp();
        try
        {
            // The total timeout counts from the first attempt: the attempts and the waits between them, not the token above.
            var response = _pipeline is null
                ? await base.SendAsync(request, cancellationToken).ConfigureAwait(false)
                : await _pipeline.SendAsync(request, state, this, cancellationToken).ConfigureAwait(false);
            if (operation is not null && CheckoutResiliencePipeline.IsTransient(response.StatusCode))
                LogFailure(operation, state, started, $"HTTP {(int)response.StatusCode}");
            return response;
        }
        catch (Exception ex) when (operation is not null && IsTransportFailure(ex, cancellationToken))
        {
            var failure = TransportFailure.Create(operation, state, ex, out var detail);
            LogFailure(operation, state, started, detail);
            throw failure;
        }
    }

    /// <summary>The call's final failure, once, at Warning; each failed attempt was logged at Information by the inner handler.</summary>
    private void LogFailure(CheckoutOperation operation, CheckoutRequestState state, long started, string reason)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
            Log.RequestFailed(_logger, operation.Method, operation.Id, Math.Max(1, state.Attempts), _settings.Time.GetElapsedTime(started).TotalMilliseconds, reason, null);
    }

    /// <inheritdoc />
    Task<HttpResponseMessage> IAttemptSender.SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);

    private bool IsTokenRequest(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && _settings.TokenEndpoint is { } token && request.RequestUri == token;

    private static bool IsTransportFailure(Exception exception, CancellationToken callerToken) =>
        exception is HttpRequestException or IOException or TimeoutRejectedException
        || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);
}
