using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Checkout.Generated.AspNetCore.Internal;

/// <summary>Runs the handler of a verified event at most once per event id, through the app's <see cref="ICheckoutWebhookStore"/>.</summary>
internal static class WebhookDeduplication
{
    private static readonly Action<ILogger, string?, string, Exception?> Skipped =
        LoggerMessage.Define<string?, string>(LogLevel.Information, new EventId(4, "WebhookDuplicate"), "Checkout webhook {EventId} not handled again: {Reason}");
    private static readonly Action<ILogger, string?, Exception?> ReleaseFailed =
        LoggerMessage.Define<string?>(LogLevel.Warning, new EventId(5, "WebhookReleaseFailed"), "Checkout webhook {EventId}: the claim could not be released; it expires after the claim timeout");

    /// <summary>
    /// Claims the event; runs the handler only with the claim; records the event as handled only when the handler succeeded
    /// (answered 2xx); releases the claim when it failed, so that Checkout.com's retry runs it again.
    /// </summary>
    public static async Task RunAsync(ICheckoutWebhookStore store, CheckoutWebhookDeduplicationOptions options, CheckoutWebhookEvent webhook,
        HttpContext context, Func<CheckoutWebhookEvent, HttpContext, Task> handler, ILogger logger)
    {
        var id = webhook.Id!;
        var owner = Guid.NewGuid().ToString("N");
        switch (await store.TryClaimAsync(id, owner, options.ClaimTimeout, context.RequestAborted).ConfigureAwait(false))
        {
            case CheckoutWebhookClaim.Handled:
                Skipped(logger, id, "handled already (answered 200)", null);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            case CheckoutWebhookClaim.InProgress:
                Skipped(logger, id, "another delivery is being handled (answered 409, Checkout.com delivers it again)", null);
                context.Response.StatusCode = StatusCodes.Status409Conflict;
                return;
        }

        try
        {
            await handler(webhook, context).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAsync(store, id, owner, logger).ConfigureAwait(false);
            throw;
        }

        if (context.Response.StatusCode is >= 200 and < 300) await store.CompleteAsync(id, owner, options.Retention, CancellationToken.None).ConfigureAwait(false);
        else await ReleaseAsync(store, id, owner, logger).ConfigureAwait(false);
    }

    private static async Task ReleaseAsync(ICheckoutWebhookStore store, string id, string owner, ILogger logger)
    {
        try
        {
            await store.ReleaseAsync(id, owner, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The handler's failure matters more; the claim expires by itself.
            ReleaseFailed(logger, id, ex);
        }
    }
}
