using System;

namespace Checkout.Generated;

/// <summary>The built-in retry and timeout policy (<c>Checkout:Resilience</c>); only requests that are safe to repeat are retried.</summary>
/// <remarks>See docs/reliability.md for what is retried and what the caller sees after each kind of failure.</remarks>
public sealed class CheckoutResilienceOptions
{
    /// <summary>Whether the built-in policy runs (default true); false sends every request once, with no client-side timeout.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Retries after the first attempt (default 3, at most 10).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The delay before the first retry, doubled for each further one, with jitter (default 500 ms).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait before a retry, including one asked for by <c>Retry-After</c> (default 30 seconds).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take, from sending to the end of the response body (default 30 seconds).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call may take across all its attempts and waits (default 90 seconds).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <inheritdoc />
    public override string ToString() =>
        $"{{ Enabled = {Enabled}, MaxRetryAttempts = {MaxRetryAttempts}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, AttemptTimeout = {AttemptTimeout}, TotalTimeout = {TotalTimeout} }}";
}
