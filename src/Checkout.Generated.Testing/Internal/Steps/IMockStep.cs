using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Checkout.Generated.Testing.Internal;

/// <summary>One concern of the local server (routing, faults, credentials, idempotency, validation, an answer), as middleware.</summary>
internal interface IMockStep
{
    /// <summary>Answers <paramref name="request"/>, or passes it on by calling <paramref name="next"/>.</summary>
    Task InvokeAsync(MockRequest request, Func<Task> next);
}

/// <summary>Chains steps into one handler, in order: each runs around the ones after it.</summary>
internal static class MockPipeline
{
    public static Func<MockRequest, Task> Build(IReadOnlyList<IMockStep> steps)
    {
        Func<MockRequest, Task> next = static _ => Task.CompletedTask;
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            var step = steps[i];
            var inner = next;
            next = request => step.InvokeAsync(request, () => inner(request));
        }
        return next;
    }
}

/// <summary>A step given as a delegate (the routes outside the catalog: 3DS challenge pages, upload links).</summary>
internal sealed class DelegateStep(Func<MockRequest, Func<Task>, Task> invoke) : IMockStep
{
    public Task InvokeAsync(MockRequest request, Func<Task> next) => invoke(request, next);
}
