using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Internal;

/// <summary>Reads an event's <c>_links</c> (relation → <c>{ "href": … }</c>); entries of another shape are skipped.</summary>
internal static class WebhookLinks
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static IReadOnlyDictionary<string, string> Read(JToken? links)
    {
        if (links is not JObject map) return None;
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in map.Properties())
        {
            if (link.Value is JObject { } target && target["href"] is JValue { Type: JTokenType.String } href) read[link.Name] = (string)href!;
        }
        return read;
    }
}
