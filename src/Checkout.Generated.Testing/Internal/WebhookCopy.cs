using System;

namespace Checkout.Generated.Testing.Internal;

/// <summary>One copy of a webhook delivered by <see cref="WebhookSender.DeliverCopiesAsync"/>: its receiver, attempts and last status (null: unreachable).</summary>
internal sealed record WebhookCopy(string EventId, Uri Receiver, int Attempts, int? Status);
