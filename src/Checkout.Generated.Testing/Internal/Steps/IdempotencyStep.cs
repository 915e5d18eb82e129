using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Checkout.Generated.Testing.Internal;

/// <summary>
/// Reads the body the later steps need (JSON, or any body of an operation taking an idempotency key), then, for a
/// request carrying a key: replays the answer a completed request with the same key and body got, refuses (409) one
/// whose body differs or that is still running, and otherwise keeps the answer for later replays.
/// </summary>
internal sealed class IdempotencyStep(ExampleComposer composer, IdempotencyStore store) : IMockStep
{
    public async Task InvokeAsync(MockRequest request, Func<Task> next)
    {
        var operation = request.Operation;
        var context = request.Context;
        var response = request.Response;
        request.Json = composer.RequestMediaType(operation.Id) is { } media && media.Contains("json", StringComparison.Ordinal);
        if (request.Json || operation.IdempotencyKeyHeader is not null)
        {
            using var reader = new StreamReader(request.Request.Body, Encoding.UTF8);
            request.Text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var key = operation.IdempotencyKeyHeader is { } header ? request.Request.Headers[header].ToString() : "";
        if (key.Length == 0)
        {
            await next().ConfigureAwait(false);
            return;
        }

        switch (store.Begin(operation.Id, key, request.Text ?? "", out var entry))
        {
            case IdempotencyStore.Verdict.Replay:
                response.StatusCode = entry.Status;
                if (entry.ContentType is not null) response.ContentType = entry.ContentType;
                response.Headers["Cko-Idempotent-Replay"] = "true";
                await response.Body.WriteAsync(entry.Body, context.RequestAborted).ConfigureAwait(false);
                return;
            case IdempotencyStore.Verdict.Conflict:
                response.StatusCode = StatusCodes.Status409Conflict;
                await MockJson.WriteAsync(response, MockErrors.Body(response, "request_conflict", new[] { "idempotency_key_in_use" }).ToString()).ConfigureAwait(false);
                return;
        }

        try
        {
            await next().ConfigureAwait(false);
        }
        catch
        {
            store.Complete(operation.Id, key, entry, StatusCodes.Status500InternalServerError, Array.Empty<byte>(), null);
            throw;
        }

        store.Complete(operation.Id, key, entry, response.StatusCode, request.Answer.ToArray(), response.ContentType);
    }
}
