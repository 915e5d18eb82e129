using System;
using System.IO;
using System.Threading.Tasks;

namespace Checkout.Generated.Testing.Internal;

/// <summary>
/// Injected faults: a reset before processing, an error status or a malformed body instead of the answer, or the answer
/// composed in memory and then lost (a reset after processing) or delayed. Without a fault, the answer is sent as composed.
/// </summary>
internal sealed class FaultStep(MockFaults faults, Func<string, (int Status, Newtonsoft.Json.Linq.JToken? Example)> success) : IMockStep
{
    public async Task InvokeAsync(MockRequest request, Func<Task> next)
    {
        var context = request.Context;
        var response = request.Response;
        var fault = faults.Take(request.Operation.Id);
        if (fault is { ResetBeforeProcessing: true })
        {
            context.Abort();
            return;
        }

        if (fault is { MalformedBody: true } or { StatusCode: not null })
        {
            if (!await faults.DelayAsync(fault, context).ConfigureAwait(false)) return;
            response.StatusCode = fault.StatusCode ?? success(request.Operation.Id).Status;
            if (fault.RetryAfter is { } wait) response.Headers["Retry-After"] = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await MockJson.WriteAsync(response, fault.MalformedBody ? "{\"request_id\": \"truncated" : MockErrors.Body(response, "injected_fault", null).ToString()).ConfigureAwait(false);
            return;
        }

        // The answer is composed in memory, so that it can be kept for an idempotent replay, delayed, or lost.
        var wire = response.Body;
        using var answer = new MemoryStream();
        response.Body = answer;
        request.Answer = answer;
        try
        {
            await next().ConfigureAwait(false);
        }
        finally
        {
            response.Body = wire;
        }

        if (fault is { ResetAfterProcessing: true })
        {
            context.Abort();
            return;
        }

        if (fault is not null && !await faults.DelayAsync(fault, context).ConfigureAwait(false)) return;
        answer.Position = 0;
        await answer.CopyToAsync(wire, context.RequestAborted).ConfigureAwait(false);
    }
}
