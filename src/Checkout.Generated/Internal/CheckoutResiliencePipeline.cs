using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Checkout.Generated.Internal;

/// <summary>
/// The built-in Polly pipeline: jittered, bounded retries of transient failures around one timeout per attempt, the shorter of
/// the attempt timeout and the time left of the call's total timeout.
/// </summary>
/// <remarks>
/// The total timeout is a deadline taken once per call (<see cref="CheckoutRequestState.StartedAt"/>), not a strategy of its own:
/// an attempt is cut when it runs out, and a retry whose wait would not end before it is not made (the caller gets the last
/// outcome). One timer and two strategy hops per attempt instead of two timers and three hops. Retries only calls marked
/// <see cref="CheckoutRequestState.Repeatable"/>: the caller decides that once per call, before the first attempt.
/// </remarks>
internal static class CheckoutResiliencePipeline
{
    /// <summary>The call's state, set by <see cref="CheckoutResilienceHandler"/> on every execution's context.</summary>
    public static readonly ResiliencePropertyKey<CheckoutRequestState> Call = new("Checkout.Generated.Call");

    /// <summary>Below this an attempt would be cut before it could answer; Polly also reads a zero timeout as "none".</summary>
    private static readonly TimeSpan ShortestAttempt = TimeSpan.FromMilliseconds(1);

    /// <summary>The pipeline for <paramref name="options"/>; an empty one when they are disabled.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Create(CheckoutResilienceOptions options, TimeProvider time)
    {
        if (!options.Enabled) return ResiliencePipeline<HttpResponseMessage>.Empty;
        var budget = new Budget(options, time);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "Checkout.Generated", TimeProvider = time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                // The wait is ours (Budget.RetryDelay: jittered exponential or Retry-After, capped): it must be known
                // before the retry is allowed, to refuse one that would outlast the total timeout.
                BackoffType = DelayBackoffType.Constant,
                Delay = TimeSpan.Zero,
                UseJitter = false,
                ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome) && budget.MayRetry(args.Context, args.Outcome.Result, args.AttemptNumber)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.TryGetValue(Call, out var call) ? call.NextDelay : null),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "AttemptTimeout",
            Timeout = options.AttemptTimeout,
            TimeoutGenerator = args => new ValueTask<TimeSpan>(budget.AttemptTimeout(args.Context)),
        });
        return builder.Build();
    }

    /// <summary>Whether a method may be sent twice without acting twice (RFC 9110 9.2.2); POST and PATCH need an idempotency key.</summary>
    public static bool IsIdempotentMethod(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options;

    /// <summary>429, 502, 503, 504, a failed or reset connection, a cut body, an attempt timeout. Never another status: 401 is the token refresh's.</summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } response && IsTransient(response.StatusCode),
        HttpRequestException or IOException or TimeoutRejectedException => true,
        _ => false,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status is 429 or 502 or 503 or 504;

    /// <summary>The time rules of one policy: each attempt's timeout, and whether (and after which wait) a retry fits in the total.</summary>
    private sealed class Budget(CheckoutResilienceOptions options, TimeProvider time)
    {
        private readonly TimeSpan _total = options.TotalTimeout;
        private readonly TimeSpan _attempt = options.AttemptTimeout;
        private readonly TimeSpan _baseDelay = options.BaseDelay;
        private readonly TimeSpan _maxDelay = options.MaxDelay;
        private readonly Random _jitter = new();

        /// <summary>The attempt timeout, or less when the call's total timeout ends sooner.</summary>
        public TimeSpan AttemptTimeout(ResilienceContext context)
        {
            if (!context.Properties.TryGetValue(Call, out var call)) return _attempt;
            var left = TimeLeft(call);
            return left >= _attempt ? _attempt : left > ShortestAttempt ? left : ShortestAttempt;
        }

        /// <summary>Whether the call may be sent again after a transient outcome: it is repeatable and the wait ends before its deadline.</summary>
        public bool MayRetry(ResilienceContext context, HttpResponseMessage? response, int attempt)
        {
            if (!context.Properties.TryGetValue(Call, out var call) || !call.Repeatable) return false;
            var delay = RetryAfter(response) ?? Backoff(attempt);
            if (delay >= TimeLeft(call)) return false;
            call.NextDelay = delay;
            return true;
        }

        private TimeSpan TimeLeft(CheckoutRequestState call) => _total - time.GetElapsedTime(call.StartedAt);

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
            var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : (TimeSpan?)null);
            if (wait is null) return null;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > _maxDelay ? _maxDelay : wait;
        }
    }
}
