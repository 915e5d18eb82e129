using System;

namespace Checkout.Generated.Internal;

/// <summary>Checks that every path parameter of a generated request fills its own, real segment.</summary>
/// <remarks>
/// Generated clients escape parameter values with <c>Uri.EscapeDataString</c>, which leaves <c>.</c> alone: an id of
/// <c>..</c> or an empty id would make the URL point at another path (<c>payments/../captures</c> → <c>captures</c>).
/// </remarks>
internal static class PathParameters
{
    /// <summary>The template's first parameter whose segment in <paramref name="relativeUrl"/> is empty, <c>.</c> or <c>..</c>; null when all are usable.</summary>
    public static string? FirstUnusable(string pathTemplate, string relativeUrl)
    {
        var query = relativeUrl.IndexOfAny(new[] { '?', '#' });
        var path = query < 0 ? relativeUrl : relativeUrl.Substring(0, query);
        var template = pathTemplate.Trim('/').Split('/');
        var segments = path.Split('/');

        // Aligned from the end: the URL may carry a prefix (a server path, "./") the template does not.
        for (var i = 1; i <= template.Length && i <= segments.Length; i++)
        {
            var part = template[template.Length - i];
            if (!part.StartsWith("{", StringComparison.Ordinal)) continue;
            var value = segments[segments.Length - i];
            if (value.Length == 0 || value == "." || value == "..") return part.Trim('{', '}');
        }

        return null;
    }
}
