using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Checkout.Generated.AspNetCore.Internal;

/// <summary>One webhook request: raw body within the size limit, verification, parsing, the user's handler.</summary>
internal sealed class WebhookReceiver
{
    private const string LogCategory = "Checkout.Generated.AspNetCore.Webhooks";
    private static readonly Action<ILogger, string, string, Exception?> Rejected =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(1, "WebhookRejected"), "Checkout webhook rejected ({Rejection}): {Reason}");
    private static readonly Action<ILogger, string, Exception?> Unreadable =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(2, "WebhookUnreadable"), "Checkout webhook verified but unreadable: {Reason}");
    private static readonly Action<ILogger, string?, string?, int, Exception?> Received =
        LoggerMessage.Define<string?, string?, int>(LogLevel.Information, new EventId(3, "WebhookReceived"), "Checkout webhook {EventType} {EventId} received (signature key {KeyIndex})");

    private readonly Func<CheckoutWebhookEvent, HttpContext, Task> _handler;

    public WebhookReceiver(Func<CheckoutWebhookEvent, HttpContext, Task> handler) => _handler = handler;

    public async Task ReceiveAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<CheckoutWebhookOptions>>().Value;
        var verifier = services.GetRequiredService<CheckoutWebhookVerifier>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
        var request = context.Request;

        var body = await ReadAsync(request, options.MaxBodyBytes).ConfigureAwait(false);
        if (body is null)
        {
            Rejected(logger, "BodyTooLarge", $"the body is larger than CheckoutWebhookOptions.MaxBodyBytes ({options.MaxBodyBytes}).", null);
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var verification = verifier.Verify(body, request.Headers[CheckoutWebhookVerifier.SignatureHeader].ToString(), request.Headers[CheckoutWebhookVerifier.AuthorizationHeader].ToString());
        if (!verification.IsValid)
        {
            Rejected(logger, verification.Rejection.ToString(), verification.Reason, null);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        CheckoutWebhookEvent webhook;
        try
        {
            webhook = CheckoutWebhookEvent.Parse(body);
        }
        catch (FormatException e)
        {
            Unreadable(logger, e.Message, null);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Received(logger, webhook.Type, webhook.Id, verification.KeyIndex, null);
        if (services.GetService<ICheckoutWebhookStore>() is { } store && !string.IsNullOrEmpty(webhook.Id))
        {
            var once = services.GetRequiredService<IOptions<CheckoutWebhookDeduplicationOptions>>().Value;
            await WebhookDeduplication.RunAsync(store, once, webhook, context, _handler, logger).ConfigureAwait(false);
        }
        else
        {
            await _handler(webhook, context).ConfigureAwait(false);
        }

        if (!context.Response.HasStarted && context.Response.StatusCode == StatusCodes.Status200OK) context.Response.ContentLength = 0;
    }

    /// <summary>The body's bytes exactly as received, or null when it exceeds <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
