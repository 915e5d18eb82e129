using System;
using Microsoft.Extensions.Logging;

namespace Checkout.Generated.Internal;

/// <summary>Every log message; arguments are methods, ids, hosts, statuses, timings and scopes, never credentials or bodies.</summary>
internal static class Log
{
    public static readonly Action<ILogger, string, string, string, int, double, Exception?> RequestCompleted =
        LoggerMessage.Define<string, string, string, int, double>(
            LogLevel.Information, new EventId(1, nameof(RequestCompleted)),
            "Checkout {Method} {OperationId} to {Host} returned {StatusCode} in {ElapsedMilliseconds} ms");

    /// <summary>The call's final failure, once per call: a transport failure or a transient status its retries did not overcome.</summary>
    /// <remarks>Logged without the exception: the caller gets it, with its stack trace, and decides whether to log it.</remarks>
    public static readonly Action<ILogger, string, string, int, double, string, Exception?> RequestFailed =
        LoggerMessage.Define<string, string, int, double, string>(
            LogLevel.Warning, new EventId(2, nameof(RequestFailed)),
            "Checkout {Method} {OperationId} failed after {Attempts} attempt(s) in {ElapsedMilliseconds} ms: {Reason}");

    /// <summary>One attempt that failed without an answer; the retries, if any, follow. Never with the exception (no stack trace).</summary>
    public static readonly Action<ILogger, string, string, int, string, double, string, Exception?> AttemptFailed =
        LoggerMessage.Define<string, string, int, string, double, string>(
            LogLevel.Information, new EventId(8, nameof(AttemptFailed)),
            "Checkout {Method} {OperationId} attempt {Attempt} to {Host} failed after {ElapsedMilliseconds} ms: {Reason}");

    /// <summary>What went wrong, in one line: the exception's type and message (never a body or credential), and its inner exception's.</summary>
    public static string Reason(Exception exception)
    {
        var reason = exception.GetType().Name + ": " + exception.Message.Trim();
        return exception.InnerException is { } inner && !string.IsNullOrWhiteSpace(inner.Message) && !exception.Message.Contains(inner.Message)
            ? reason + " (" + inner.GetType().Name + ": " + inner.Message.Trim() + ")"
            : reason;
    }

    public static readonly Action<ILogger, string, string, Exception?> TokenRejected =
        LoggerMessage.Define<string, string>(
            LogLevel.Information, new EventId(3, nameof(TokenRejected)),
            "Checkout rejected the access token for scope '{Scope}' on {OperationId} (HTTP 401); retrying once with a new token");

    public static readonly Action<ILogger, string, string, double, Exception?> TokenIssued =
        LoggerMessage.Define<string, string, double>(
            LogLevel.Debug, new EventId(4, nameof(TokenIssued)),
            "Obtained an access token for scope '{Scope}' from {TokenEndpoint}, valid for {ExpiresInSeconds} s");

    public static readonly Action<ILogger, string, string, string, Exception?> TokenFailed =
        LoggerMessage.Define<string, string, string>(
            LogLevel.Warning, new EventId(5, nameof(TokenFailed)),
            "Access token request for scope '{Scope}' to {TokenEndpoint} failed: {Error}");

    public static readonly Action<ILogger, string, string, Exception?> UnknownGrantedScope =
        LoggerMessage.Define<string, string>(
            LogLevel.Warning, new EventId(6, nameof(UnknownGrantedScope)),
            "Granted scope '{Scope}' is not declared by the spec this client was generated from (version {SpecVersion}); it is used as configured");

    public static readonly Action<ILogger, string, Exception?> Untagged =
        LoggerMessage.Define<string>(
            LogLevel.Trace, new EventId(7, nameof(Untagged)),
            "Passing through a request that no generated client made, to {Host}");

    public static readonly Action<ILogger, Exception?> TokensNotShared =
        LoggerMessage.Define(
            LogLevel.Warning, new EventId(8, nameof(TokensNotShared)),
            "Access tokens are cached in this process's HybridCache only, not in its distributed cache: register ASP.NET Core Data Protection (AddDataProtection, with keys shared by every instance) so that tokens are stored encrypted and shared");

    public static readonly Action<ILogger, string, Exception?> TokenStoreFailed =
        LoggerMessage.Define<string>(
            LogLevel.Warning, new EventId(9, nameof(TokenStoreFailed)),
            "The shared token cache failed ({Step}); this process requests its own token");
}
