using System;
using System.Net.Http;
using Polly.Timeout;

namespace Checkout.Generated.Internal;

/// <summary>A call that got no usable answer, as <see cref="CheckoutTransportException"/>: what failed, and whether it may have reached Checkout.</summary>
internal static class TransportFailure
{
    /// <summary>
    /// A call cut short by a cancellation that is not the caller's (HttpClient.Timeout, when the built-in resilience is off):
    /// a timeout, after which the outcome is unknown if the request may have reached Checkout.
    /// </summary>
    public static CheckoutTransportException TimedOut(HttpRequestMessage request, OperationCanceledException exception) =>
        TimedOut(CheckoutCallContext.Find(request), exception, request.Method.Method);

    private static CheckoutTransportException TimedOut(CheckoutCallContext? call, OperationCanceledException exception, string method) =>
        Create(call?.Operation, call, exception, timedOut: true, method);

    /// <summary>The failure of a call made for <paramref name="operation"/> (null for a request no generated client tagged).</summary>
    public static CheckoutTransportException Create(CheckoutOperation? operation, CheckoutCallContext? state, Exception exception) =>
        Create(operation, state, exception, out _);

    /// <summary>The same failure, and in <paramref name="detail"/> what failed and what it means for the outcome, without the call's name (for the log).</summary>
    public static CheckoutTransportException Create(CheckoutOperation? operation, CheckoutCallContext? state, Exception exception, out string detail) =>
        Create(operation, state, exception, exception is TimeoutRejectedException or OperationCanceledException, operation?.Method ?? "", out detail);

    private static CheckoutTransportException Create(CheckoutOperation? operation, CheckoutCallContext? state, Exception exception, bool timedOut, string method) =>
        Create(operation, state, exception, timedOut, method, out _);

    private static CheckoutTransportException Create(CheckoutOperation? operation, CheckoutCallContext? state, Exception exception, bool timedOut, string method, out string detail)
    {
        var what = timedOut ? "no answer in time" : "the connection failed or was cut before the whole answer arrived";
        var attempts = Math.Max(1, state?.Attempts ?? 1);
        var reached = state?.MayHaveReachedCheckout ?? true;
        var key = state?.IdempotencyKey;
        var outcome = !reached
            ? "The request did not reach Checkout.com: nothing was done, and the call can be repeated."
            : key is not null
                ? $"The request may have reached Checkout.com: the outcome is unknown: retry with the same idempotency key '{key}'."
                : CheckoutResiliencePipeline.IsIdempotentMethod(new HttpMethod(method))
                    ? "The request may have reached Checkout.com; the operation is idempotent, so it can be repeated."
                    : "The request may have reached Checkout.com: the outcome is unknown, and the request carried no idempotency key: check before repeating it.";
        var name = operation is null ? method : $"{operation.Method} {operation.Id}";
        detail = $"{what}. {outcome}";
        var message = $"Checkout {name} failed after {attempts} attempt{(attempts == 1 ? "" : "s")}: {detail}";
        return new CheckoutTransportException(message, operation?.Id, attempts, key, reached, timedOut, exception);
    }
}
