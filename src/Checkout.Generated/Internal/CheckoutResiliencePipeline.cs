using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Checkout.Generated.Internal;

/// <summary>The built-in Polly pipeline: a total timeout around jittered, bounded retries of transient failures around an attempt timeout.</summary>
/// <remarks>Retries only calls marked <see cref="Repeatable"/>: the caller decides that once per call, before the first attempt.</remarks>
internal static class CheckoutResiliencePipeline
{
    /// <summary>Whether the call is safe to send again (its method is idempotent, or it carries an idempotency key).</summary>
    public static readonly ResiliencePropertyKey<bool> Repeatable = new("Checkout.Generated.Repeatable");

    /// <summary>The pipeline for <paramref name="options"/>; an empty one when they are disabled.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Create(CheckoutResilienceOptions options, TimeProvider time)
    {
        if (!options.Enabled) return ResiliencePipeline<HttpResponseMessage>.Empty;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = "Checkout.Generated", TimeProvider = time };
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "TotalTimeout", Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            var cap = options.MaxDelay;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = cap,
                ShouldHandle = args => new ValueTask<bool>(args.Context.Properties.GetValue(Repeatable, false) && IsTransient(args.Outcome)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, cap, time)),
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });
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

    /// <summary>The wait a 429 or 503 asks for with <c>Retry-After</c>, capped; null lets the backoff decide.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap, TimeProvider time)
    {
        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter is null) return null;
        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : (TimeSpan?)null);
        if (wait is null) return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > cap ? cap : wait;
    }
}
