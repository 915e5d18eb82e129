using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Checkout.Generated.Internal;

/// <summary>
/// The built-in policy: one timeout per attempt, the shorter of the attempt timeout and the time left of the call's total
/// timeout, and jittered, bounded retries of transient failures (Polly) that are not made when their wait would outlast it.
/// </summary>
/// <remarks>
/// The total timeout is a deadline taken once per call (<see cref="CheckoutCallContext.StartedAt"/>, set by the handler),
/// not a timer of its own. The handler sends the first attempt under one pooled timer (<see cref="StartFirstAttempt"/>);
/// only a call whose first attempt failed transiently, and may be retried, enters the Polly pipeline for its remaining
/// attempts (<see cref="RetryAsync"/>). A call that succeeds first time, nearly every call, so pays for one timer and no
/// strategy. Retries only calls marked <see cref="CheckoutCallContext.Repeatable"/>.
/// </remarks>
internal sealed class CheckoutResiliencePipeline
{
    /// <summary>The call's state, set on the context of every execution of the retry pipeline.</summary>
    private static readonly ResiliencePropertyKey<CheckoutCallContext> Call = new("Checkout.Generated.Call");

    /// <summary>Below this an attempt would be cut before it could answer; Polly also reads a zero timeout as "none".</summary>
    private static readonly TimeSpan ShortestAttempt = TimeSpan.FromMilliseconds(1);

#if NET8_0_OR_GREATER
    [ThreadStatic] private static CancellationTokenSource? t_spareTimer;
#endif

    private readonly TimeProvider _time;
    private readonly TimeSpan _total;
    private readonly TimeSpan _attempt;
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly Random _jitter = new();
    private readonly ResiliencePipeline<HttpResponseMessage>? _retries;

    private CheckoutResiliencePipeline(CheckoutResilienceOptions options, TimeProvider time)
    {
        _time = time;
        _total = options.TotalTimeout;
        _attempt = options.AttemptTimeout;
        _baseDelay = options.BaseDelay;
        _maxDelay = options.MaxDelay;
        if (options.MaxRetryAttempts > 0) _retries = BuildRetries(options.MaxRetryAttempts);
    }

    /// <summary>The policy for <paramref name="options"/>; null when they are disabled.</summary>
    public static CheckoutResiliencePipeline? Create(CheckoutResilienceOptions options, TimeProvider time) =>
        options.Enabled ? new CheckoutResiliencePipeline(options, time) : null;

    /// <summary>Whether the policy makes retries at all (<see cref="CheckoutResilienceOptions.MaxRetryAttempts"/> above zero).</summary>
    public bool Retries => _retries is not null;

    /// <summary>Whether a method may be sent twice without acting twice (RFC 9110 9.2.2); POST and PATCH need an idempotency key.</summary>
    public static bool IsIdempotentMethod(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options;

    /// <summary>
    /// The first attempt's timer, for a call whose clock (<see cref="CheckoutCallContext.StartedAt"/>) has just started:
    /// the attempt timeout, or the total timeout when that is shorter. The handler sends the attempt under <see cref="AttemptTimer.Token"/>.
    /// </summary>
    public AttemptTimer StartFirstAttempt(CancellationToken cancellationToken)
    {
        var timeout = _attempt <= _total ? _attempt : _total;
        if (timeout < ShortestAttempt) timeout = ShortestAttempt;
        return new AttemptTimer(this, StartTimer(timeout), timeout, cancellationToken);
    }

    /// <summary>
    /// After a first attempt that failed (<paramref name="failure"/>) or answered a transient status: the retries, through
    /// Polly, when the call may be repeated and the wait ends before its deadline; otherwise the first attempt's outcome.
    /// </summary>
    /// <remarks>The caller's cancellation stays <see cref="OperationCanceledException"/>; an attempt timeout is a <see cref="TimeoutRejectedException"/>.</remarks>
    public async Task<HttpResponseMessage> RetryAsync(HttpRequestMessage request, CheckoutCallContext call, IAttemptSender sender, HttpResponseMessage? response, ExceptionDispatchInfo? failure, CancellationToken cancellationToken)
    {
        if (_retries is null || !MayRetry(call, response, attempt: 0))
        {
            failure?.Throw();
            return response!;
        }

        response?.Dispose();
        if (call.NextDelay > TimeSpan.Zero) await Delay(call.NextDelay, cancellationToken).ConfigureAwait(false);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(Call, call);
        try
        {
            return await _retries.ExecuteAsync(
                static (ctx, state) => new ValueTask<HttpResponseMessage>(state.Sender.SendAttemptAsync(state.Request, state.Call, ctx.CancellationToken)),
                context, (Sender: sender, Request: request, Call: call)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// The attempts after the first: Polly's retry (one retry fewer than configured: the first attempt was made outside) around
    /// its timeout strategy, each attempt's timeout and each wait decided by the same rules as the first attempt's.
    /// </summary>
    private ResiliencePipeline<HttpResponseMessage> BuildRetries(int maxRetryAttempts)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "Checkout.Generated", TimeProvider = _time };
        if (maxRetryAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = maxRetryAttempts - 1,
                // The wait is ours (jittered exponential or Retry-After, capped): it must be known before the retry is
                // allowed, to refuse one that would outlast the total timeout.
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.Zero,
                UseJitter = false,
                ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome)
                    && args.Context.Properties.TryGetValue(Call, out var call) && MayRetry(call, args.Outcome.Result, args.AttemptNumber + 1)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.TryGetValue(Call, out var call) ? call.NextDelay : null),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "AttemptTimeout",
            Timeout = _attempt,
            TimeoutGenerator = args => new ValueTask<TimeSpan>(args.Context.Properties.TryGetValue(Call, out var call) ? AttemptTimeout(call) : _attempt),
        });
        return builder.Build();
    }

    /// <summary>429, 502, 503, 504, a failed or reset connection, a cut body, an attempt timeout. Never another status: 401 is the token refresh's.</summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } response && IsTransient(response.StatusCode),
        HttpRequestException or IOException or TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>429, 502, 503, 504: the statuses the policy retries.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        (int)status is 429 or 502 or 503 or 504;

    /// <summary>The attempt timeout, or less when the call's total timeout ends sooner.</summary>
    private TimeSpan AttemptTimeout(CheckoutCallContext call)
    {
        var left = TimeLeft(call);
        return left >= _attempt ? _attempt : left > ShortestAttempt ? left : ShortestAttempt;
    }

    /// <summary>Whether the call may be sent again after a transient outcome: it is repeatable and the wait ends before its deadline.</summary>
    /// <param name="call">The call; its <see cref="CheckoutCallContext.NextDelay"/> is set to the wait when the retry is allowed.</param>
    /// <param name="response">The transient answer, or null after a transport failure or timeout.</param>
    /// <param name="attempt">The attempt that just ended, from 0.</param>
    private bool MayRetry(CheckoutCallContext call, HttpResponseMessage? response, int attempt)
    {
        if (!call.Repeatable) return false;
        var delay = RetryAfter(response) ?? Backoff(attempt);
        if (delay >= TimeLeft(call)) return false;
        call.NextDelay = delay;
        return true;
    }

    private TimeSpan TimeLeft(CheckoutCallContext call) => _total - _time.GetElapsedTime(call.StartedAt);

    /// <summary>The base delay doubled for each retry already made, between 80% and 120% of that at random, capped.</summary>
    private TimeSpan Backoff(int attempt)
    {
        double factor;
        lock (_jitter) factor = 0.8 + (0.4 * _jitter.NextDouble());
        var ticks = _baseDelay.Ticks * Math.Pow(2, Math.Min(attempt, 30)) * factor;
        return ticks >= _maxDelay.Ticks ? _maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The wait a 429 or 503 asks for with <c>Retry-After</c>, capped; null lets the backoff decide.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter is null) return null;
        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - _time.GetUtcNow() : (TimeSpan?)null);
        if (wait is null) return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _maxDelay ? _maxDelay : wait;
    }

    /// <summary>A source cancelled after <paramref name="timeout"/> on the policy's clock; on the system clock a pooled one (one per thread).</summary>
    private CancellationTokenSource StartTimer(TimeSpan timeout)
    {
#if NET8_0_OR_GREATER
        if (_time != TimeProvider.System) return new CancellationTokenSource(timeout, _time);
        var timer = t_spareTimer ?? new CancellationTokenSource();
        t_spareTimer = null;
        timer.CancelAfter(timeout);
        return timer;
#else
        return _time.CreateCancellationTokenSource(timeout);
#endif
    }

    /// <summary>Keeps a system-clock source that never fired (reset, its registrations gone) for the next attempt; disposes any other.</summary>
    internal void ReturnTimer(CancellationTokenSource timer)
    {
#if NET8_0_OR_GREATER
        if (_time == TimeProvider.System && timer.TryReset())
        {
            t_spareTimer = timer;
            return;
        }
#endif
        timer.Dispose();
    }

    private Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        Task.Delay(delay, _time, cancellationToken);
#else
        _time.Delay(delay, cancellationToken);
#endif
}
