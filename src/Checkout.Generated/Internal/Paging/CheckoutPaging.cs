using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Checkout.Generated.Internal;

/// <summary>The generated list enumerators (PagingRule): page after page through the list method, every item once.</summary>
internal static class CheckoutPaging
{
    /// <summary>
    /// Offset paging: requests the page at <paramref name="start"/>, yields its items, moves the offset by their count;
    /// stops on an empty page, at the reported <paramref name="total"/>, or on a page shorter than its <paramref name="size"/>.
    /// </summary>
    public static async IAsyncEnumerable<TItem> ByOffsetAsync<TPage, TItem>(
        long start, Func<long, CancellationToken, Task<TPage>> fetch, Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, long?>? total, Func<TPage, long?>? size, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var offset = start;
        while (true)
        {
            var page = await fetch(offset, cancellationToken).ConfigureAwait(false);
            var count = 0;
            foreach (var item in items(page) ?? Array.Empty<TItem>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                count++;
                yield return item;
            }

            if (count == 0) yield break;
            offset += count;
            if (total?.Invoke(page) is { } reported && offset >= reported) yield break;
            if (size?.Invoke(page) is { } pageSize && count < pageSize) yield break;
        }
    }

    /// <summary>
    /// Token paging: requests the page for <paramref name="start"/> (null: the first), yields its items, follows the
    /// <paramref name="next"/> token; stops on an empty page, on no token, or on any token it already sent (a server
    /// cycling A, B, A would otherwise be followed for ever).
    /// </summary>
    public static async IAsyncEnumerable<TItem> ByTokenAsync<TPage, TItem>(
        string? start, Func<string?, CancellationToken, Task<TPage>> fetch, Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, string?> next, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sent = new HashSet<string>(StringComparer.Ordinal);
        var token = start;
        while (true)
        {
            var page = await fetch(token, cancellationToken).ConfigureAwait(false);
            var count = 0;
            foreach (var item in items(page) ?? Array.Empty<TItem>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                count++;
                yield return item;
            }

            var following = next(page);
            if (count == 0 || string.IsNullOrEmpty(following) || !sent.Add(following!)) yield break;
            token = following;
        }
    }

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
