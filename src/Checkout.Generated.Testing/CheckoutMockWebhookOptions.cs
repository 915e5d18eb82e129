using System;

namespace Checkout.Generated.Testing;

/// <summary>Where and how the local server sends webhooks for the payment lifecycle actions it performs.</summary>
public sealed class CheckoutMockWebhookOptions
{
    /// <summary>The receiver's URL; loopback only (<c>127.0.0.1</c>, <c>[::1]</c> or <c>localhost</c>). Null: no webhooks are sent.</summary>
    public Uri? Url { get; set; }

    /// <summary>The key the bodies are signed with (HMAC-SHA256, hex in <c>Cko-Signature</c>), as a workflow's <c>signature.key</c>.</summary>
    public string SignatureKey { get; set; } = "local-mock-webhook-signing-key";

    /// <summary>An <c>Authorization</c> header value sent with every webhook, as a workflow's webhook action can be configured to; null: none.</summary>
    public string? Authorization { get; set; }

    /// <summary>Deliveries of one event before the server gives up on a receiver that answers non-2xx or fails (default 3).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry, doubled for each further one (default 200 ms; on the server's clock).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
