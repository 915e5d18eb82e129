using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Checkout.Generated.Internal;

/// <summary>The client's ActivitySource and Meter, the instruments, and the tags they share. Each helper does nothing without a listener.</summary>
internal static class CheckoutTelemetry
{
    public const string OperationTag = "checkout.operation";
    public const string ScopeTag = "checkout.scope";

    /// <summary>The name of a named registration (<c>AddCheckoutClient("eu", …)</c>); absent for the unnamed one.</summary>
    public const string ClientTag = "checkout.client";
    private static readonly string? Version = typeof(CheckoutTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(CheckoutDiagnostics.ActivitySourceName, Version);
    public static readonly Meter Meter = new(CheckoutDiagnostics.MeterName, Version);

    /// <summary>Seconds per operation call, all attempts and token requests included; by operation, status class and error type.</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("checkout.client.request.duration", "s", "Duration of Checkout.com operation calls, retries included.");

    /// <summary>OAuth token requests by outcome (<c>issued</c>, or the OAuth error such as <c>invalid_client</c>, <c>timeout</c>).</summary>
    public static readonly Counter<long> TokenRequests = Meter.CreateCounter<long>("checkout.client.token.requests", "{request}", "OAuth token requests to Checkout.com, by outcome.");

    /// <summary>Attempts after the first, by operation.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("checkout.client.retries", "{retry}", "Retried attempts of Checkout.com operation calls.");

    /// <summary>Whether anything listens: the span source or the duration histogram.</summary>
    public static bool Observed => Source.HasListeners() || Duration.Enabled;

    /// <summary>Counts a retry and starts its child span (attempt 2, 3, …).</summary>
    public static Activity? StartRetry(CheckoutOperation operation, int attempt)
    {
        if (Retries.Enabled) Retries.Add(1, new TagList { { OperationTag, operation.Id } });
        if (!Source.HasListeners()) return null;
        var activity = Source.StartActivity(operation.Method + " " + operation.PathTemplate + " retry", ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(OperationTag, operation.Id);
            activity.SetTag("checkout.attempt", attempt);
        }
        return activity;
    }

    /// <summary>Tags a finished span with the answer's status, or with the failure's type; marks errors.</summary>
    public static void Complete(Activity? activity, int? status, Exception? failure)
    {
        if (activity is null) return;
        if (status is { } code) activity.SetTag("http.response.status_code", code);
        var error = ErrorType(status, failure);
        if (error is null) return;
        activity.SetTag("error.type", error);
        activity.SetStatus(ActivityStatusCode.Error);
    }

    /// <summary>Counts a token request and tags its span with the outcome.</summary>
    public static void TokenRequested(Activity? activity, string outcome)
    {
        var safe = SafeValue(outcome);
        if (TokenRequests.Enabled) TokenRequests.Add(1, new TagList { { "checkout.outcome", safe } });
        if (activity is null) return;
        activity.SetTag("checkout.outcome", safe);
        if (safe != "issued")
        {
            activity.SetTag("error.type", safe);
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>OpenTelemetry's <c>error.type</c>: the status code for 4xx/5xx, the exception's type name, else null.</summary>
    public static string? ErrorType(int? status, Exception? failure) =>
        failure is not null ? failure.GetType().FullName : status >= 400 ? status.Value.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary><c>2xx</c> … <c>5xx</c>, or <c>none</c> when no answer came.</summary>
    public static string StatusClass(int? status) => status switch
    {
        null => "none",
        < 200 => "1xx",
        < 300 => "2xx",
        < 400 => "3xx",
        < 500 => "4xx",
        _ => "5xx",
    };

    /// <summary>An OAuth error code as a tag: a server can send any text, so only short <c>[a-z0-9_]</c> words pass.</summary>
    private static string SafeValue(string value)
    {
        if (value.Length == 0 || value.Length > 40) return "other";
        foreach (var c in value)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_')) return "other";
        }
        return value;
    }
}
