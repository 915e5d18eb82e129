namespace Checkout.Generated.Testing;

/// <summary>One webhook the local server sent (or gave up sending), as it went on the wire.</summary>
public sealed class CheckoutMockWebhook
{
    internal CheckoutMockWebhook(string eventId, string eventType, string subjectId, string body, string signature)
    {
        EventId = eventId;
        EventType = eventType;
        SubjectId = subjectId;
        Body = body;
        Signature = signature;
    }

    /// <summary>The event id (<c>evt_…</c>).</summary>
    public string EventId { get; }

    /// <summary>The event type, one the spec names (<see cref="CheckoutEventCatalog.EventTypes"/>).</summary>
    public string EventType { get; }

    /// <summary>The payment (<c>pay_…</c>) or dispute (<c>dsp_…</c>) the event is about.</summary>
    public string SubjectId { get; }

    /// <summary>The JSON body, exactly as signed and sent.</summary>
    public string Body { get; }

    /// <summary>The <c>Cko-Signature</c> header sent.</summary>
    public string Signature { get; }

    /// <summary>How many deliveries were attempted.</summary>
    public int Attempts { get; internal set; }

    /// <summary>The receiver's status code on the last attempt, or null when it could not be reached.</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>True when the receiver answered 2xx.</summary>
    public bool Delivered { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{EventType} {EventId} for {SubjectId}: {(Delivered ? "delivered" : "not delivered")} after {Attempts} attempt(s), last status {StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";
}
