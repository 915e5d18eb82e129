using System;
using System.IO;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading;
using Polly.Timeout;

namespace Checkout.Generated.Internal;

/// <summary>
/// The first attempt's timeout (<see cref="CheckoutResiliencePipeline.StartFirstAttempt"/>): a pooled timer, cancelled by
/// the caller's token too, ended once in a <c>finally</c>. A value, so that a call that succeeds first time allocates none.
/// </summary>
internal readonly struct AttemptTimer
{
    private readonly CheckoutResiliencePipeline _pipeline;
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenRegistration _link;
    private readonly TimeSpan _timeout;

    public AttemptTimer(CheckoutResiliencePipeline pipeline, CancellationTokenSource timer, TimeSpan timeout, CancellationToken callerToken)
    {
        _pipeline = pipeline;
        _timer = timer;
        _timeout = timeout;
        _link = callerToken.CanBeCanceled ? callerToken.Register(static t => ((CancellationTokenSource)t!).Cancel(), timer) : default;
    }

    /// <summary>The token the attempt is sent under: cancelled when its time is up or the caller cancels.</summary>
    public CancellationToken Token => _timer.Token;

    /// <summary>
    /// Whether the attempt's failure is one the policy may retry, captured in <paramref name="failure"/>: a failed or cut
    /// connection, or this timer firing (as <see cref="TimeoutRejectedException"/>). The caller's cancellation is not.
    /// </summary>
    public bool Captures(Exception exception, CancellationToken callerToken, out ExceptionDispatchInfo? failure)
    {
        failure = null;
        if (callerToken.IsCancellationRequested) return false;
        if (exception is OperationCanceledException && _timer.IsCancellationRequested)
            failure = ExceptionDispatchInfo.Capture(new TimeoutRejectedException($"The operation didn't complete within the allowed timeout of '{_timeout}'.", _timeout, exception));
        else if (exception is HttpRequestException or IOException)
            failure = ExceptionDispatchInfo.Capture(exception);
        return failure is not null;
    }

    /// <summary>Unlinks the caller's token and gives the timer back to the pipeline.</summary>
    public void End()
    {
        _link.Dispose();
        _pipeline.ReturnTimer(_timer);
    }
}
