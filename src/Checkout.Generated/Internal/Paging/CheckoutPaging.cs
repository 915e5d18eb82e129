using System;

namespace Checkout.Generated.Internal;

/// <summary>Helpers of the generated list enumerators (PagingRule): where the next page's token is.</summary>
internal static class CheckoutPaging
{
    /// <summary>The value of query parameter <paramref name="name"/> in a next-page link (absolute or relative), or null when the link or the parameter is absent.</summary>
    public static string? TokenFromLink(object? href, string name)
    {
        var link = href?.ToString();
        if (string.IsNullOrEmpty(link)) return null;
        var start = link!.IndexOf('?');
        if (start < 0) return null;
        var end = link.IndexOf('#', start);
        var query = end < 0 ? link.Substring(start + 1) : link.Substring(start + 1, end - start - 1);
        foreach (var pair in query.Split('&'))
        {
            var equals = pair.IndexOf('=');
            // '+' stays '+': tokens are often base64, sent in links unescaped.
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair.Substring(0, equals));
            if (!string.Equals(key, name, StringComparison.Ordinal)) continue;
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair.Substring(equals + 1));
            return value.Length == 0 ? null : value;
        }

        return null;
    }
}
