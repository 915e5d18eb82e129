using System;

namespace Checkout.Generated.Internal;

/// <summary>Checks that every path parameter of a generated request fills its own, real segment.</summary>
/// <remarks>
/// Generated clients escape parameter values with <c>Uri.EscapeDataString</c>, which leaves <c>.</c> alone: an id of
/// <c>..</c> or an empty id would make the URL point at another path (<c>payments/../captures</c> → <c>captures</c>).
/// Runs on every call, so it walks both strings in place rather than splitting them.
/// </remarks>
internal static class PathParameters
{
    private static readonly char[] PathEnd = { '?', '#' };

    /// <summary>The template's first parameter whose segment in <paramref name="relativeUrl"/> is empty, <c>.</c> or <c>..</c>; null when all are usable.</summary>
    public static string? FirstUnusable(string pathTemplate, string relativeUrl)
    {
        var templateStart = 0;
        var templateEnd = pathTemplate.Length;
        while (templateEnd > 0 && pathTemplate[templateEnd - 1] == '/') templateEnd--;
        while (templateStart < templateEnd && pathTemplate[templateStart] == '/') templateStart++;
        var urlEnd = relativeUrl.IndexOfAny(PathEnd);
        if (urlEnd < 0) urlEnd = relativeUrl.Length;

        // Aligned from the end: the URL may carry a prefix (a server path, "./") the template does not.
        while (true)
        {
            var part = SegmentStart(pathTemplate, templateStart, templateEnd);
            var value = SegmentStart(relativeUrl, 0, urlEnd);
            if (templateEnd > part && pathTemplate[part] == '{' && IsUnusable(relativeUrl, value, urlEnd - value))
                return pathTemplate.Substring(part, templateEnd - part).Trim('{', '}');
            if (part == templateStart || value == 0) return null;
            templateEnd = part - 1;
            urlEnd = value - 1;
        }
    }

    /// <summary>Where the last segment of <paramref name="text"/>[start, end) begins: after its last '/', else at start.</summary>
    private static int SegmentStart(string text, int start, int end)
    {
        for (var i = end - 1; i >= start; i--)
        {
            if (text[i] == '/') return i + 1;
        }
        return start;
    }

    private static bool IsUnusable(string text, int start, int length) =>
        length == 0 || (text[start] == '.' && (length == 1 || (length == 2 && text[start + 1] == '.')));
}
