using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Checkout.Generated.Internal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated;

/// <summary>A webhook notification: the event envelope, with <see cref="Data"/> typed from the spec's event catalog.</summary>
/// <remarks>Forward compatible: unknown fields are kept, an unknown event type keeps its data whole, and nothing in the envelope throws.</remarks>
public sealed class CheckoutWebhookEvent
{
    private static readonly HashSet<string> Envelope = new(StringComparer.Ordinal) { "id", "type", "version", "created_on", "data", "_links" };

    private CheckoutWebhookEvent(JObject json)
    {
        Id = Text(json["id"]);
        Type = Text(json["type"]);
        Version = Text(json["version"]);
        CreatedOn = Time(json["created_on"]);
        RawData = json["data"];
        Links = WebhookLinks.Read(json["_links"]);
        var others = new Dictionary<string, JToken?>(StringComparer.Ordinal);
        foreach (var property in json.Properties())
        {
            if (!Envelope.Contains(property.Name)) others[property.Name] = property.Value;
        }
        AdditionalProperties = others;
        Data = WebhookData.Read(Type, RawData);
    }

    /// <summary>The event id (<c>evt_…</c>), the same on every delivery of the event: deduplicate on it.</summary>
    public string? Id { get; }

    /// <summary>The event type, e.g. <c>payment_captured</c>; see <see cref="CheckoutEventCatalog.EventTypes"/>.</summary>
    public string? Type { get; }

    /// <summary>The version of the event's format.</summary>
    public string? Version { get; }

    /// <summary>When the event occurred.</summary>
    public DateTimeOffset? CreatedOn { get; }

    /// <summary>The data as the model <see cref="CheckoutEventCatalog.DataTypeOf"/> names for <see cref="Type"/>; otherwise (or when it does not fit that model) the JSON itself.</summary>
    public object? Data { get; }

    /// <summary>The data exactly as received (numbers and dates unchanged).</summary>
    public JToken? RawData { get; }

    /// <summary>The event's links by relation (<c>self</c>, <c>payment</c>, …) to their <c>href</c>.</summary>
    public IReadOnlyDictionary<string, string> Links { get; }

    /// <summary>Top-level fields the envelope does not define, kept as received.</summary>
    public IReadOnlyDictionary<string, JToken?> AdditionalProperties { get; }

    /// <summary>Reads a webhook body (after <see cref="CheckoutWebhookVerifier.Verify"/>: parse only what is authentic).</summary>
    /// <exception cref="FormatException">The body is not a JSON object.</exception>
    public static CheckoutWebhookEvent Parse(byte[] body)
    {
        if (body is null) throw new ArgumentNullException(nameof(body));
        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body), Encoding.UTF8))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            if (JToken.ReadFrom(reader) is not JObject json) throw new FormatException("The webhook body is JSON but not an object: Checkout.com sends an event object ({\"id\": …, \"type\": …, \"data\": …}).");
            return new CheckoutWebhookEvent(json);
        }
        catch (JsonReaderException e)
        {
            // The path and position only: the serializer's message and exception may quote the body.
            throw new FormatException($"The webhook body is not JSON (JSON path '{e.Path}', line {e.LineNumber}, position {e.LinePosition}).");
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type} {Id}";

    private static string? Text(JToken? token) => token is JValue { Type: JTokenType.String } value ? (string?)value : null;

    private static DateTimeOffset? Time(JToken? token) =>
        Text(token) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
