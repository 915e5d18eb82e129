using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Internal;

/// <summary>Types an event's data with the model the event catalog names for its type, never throwing.</summary>
internal static class WebhookData
{
    public static object? Read(string? eventType, JToken? data)
    {
        if (data is not JObject || eventType is null || CheckoutEventCatalog.DataTypeOf(eventType) is not { } type) return data;
        try
        {
            return CheckoutJson.ToObject(data, type) ?? data;
        }
        catch (JsonException)
        {
            // Data that no longer fits the model (a field changed type) stays readable as JSON.
            return data;
        }
    }
}
