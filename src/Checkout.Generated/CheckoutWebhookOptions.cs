using System.Collections.Generic;
using Checkout.Generated.Internal;

namespace Checkout.Generated;

/// <summary>How webhooks from Checkout.com are authenticated: the workflow's signature key(s) and an optional <c>Authorization</c> value.</summary>
/// <remarks>Holds secrets: <see cref="ToString"/> redacts them.</remarks>
public sealed class CheckoutWebhookOptions
{
    /// <summary>The configuration section the options are usually bound from.</summary>
    public const string SectionName = "Checkout:Webhooks";

    /// <summary>The workflow's signature keys: the current one, plus the previous one while a rotation is under way.</summary>
    public IList<string> SignatureKeys { get; set; } = new List<string>();

    /// <summary>The <c>Authorization</c> header value the workflow's webhook action is configured to send; null: not checked.</summary>
    public string? Authorization { get; set; }

    /// <summary>The largest body a receiver reads (default 1 MiB); a larger one is rejected unread.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <inheritdoc />
    public override string ToString() =>
        $"SignatureKeys = {SignatureKeys.Count} key(s) ***, Authorization = {Redaction.Secret(Authorization)}, MaxBodyBytes = {MaxBodyBytes}";
}
