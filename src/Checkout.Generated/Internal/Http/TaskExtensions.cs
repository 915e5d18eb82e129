using System.Threading;
using System.Threading.Tasks;

namespace Checkout.Generated.Internal;

/// <summary>Lets one caller stop waiting for a task shared with others without cancelling it.</summary>
internal static class TaskExtensions
{
#if NET6_0_OR_GREATER
    public static Task<T> WaitForAsync<T>(this Task<T> task, CancellationToken cancellationToken) => task.WaitAsync(cancellationToken);
#else
    public static async Task<T> WaitForAsync<T>(this Task<T> task, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || task.IsCompleted) return await task.ConfigureAwait(false);
        var cancelled = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<T>)state!).TrySetCanceled(), cancelled))
        {
            return await (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }
#endif
}
