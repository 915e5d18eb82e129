using System.Collections.Generic;

namespace Checkout.Generated.Internal;

/// <summary>Picks the least-privileged OAuth scope that allows an operation.</summary>
/// <remarks>Checkout's rule: a family scope (<c>vault</c>) allows everything its narrower scopes (<c>vault:…</c>) allow.</remarks>
internal static class ScopeSelector
{
    /// <summary>
    /// The scope to request for an operation whose scope alternatives are <paramref name="alternatives"/>:
    /// empty when the operation declares none, null when <paramref name="granted"/> allows none of them.
    /// </summary>
    public static string? Select(IReadOnlyList<string> alternatives, ICollection<string> granted)
    {
        if (alternatives.Count == 0) return string.Empty;
        if (granted.Count == 0) return Narrowest(alternatives);

        // A narrow scope granted as such, then a family scope granted as such, then the family of a narrow one.
        foreach (var scope in alternatives)
        {
            if (IsNarrow(scope) && granted.Contains(scope)) return scope;
        }

        foreach (var scope in alternatives)
        {
            if (!IsNarrow(scope) && granted.Contains(scope)) return scope;
        }

        foreach (var scope in alternatives)
        {
            if (IsNarrow(scope) && granted.Contains(Family(scope))) return Family(scope);
        }

        return null;
    }

    /// <summary>Whether the scope is a narrow one (<c>family:part</c>).</summary>
    public static bool IsNarrow(string scope) => scope.IndexOf(':') > 0;

    /// <summary>The family of a narrow scope (<c>vault</c> for <c>vault:card-metadata</c>), or the scope itself.</summary>
    public static string Family(string scope)
    {
        var colon = scope.IndexOf(':');
        return colon > 0 ? scope.Substring(0, colon) : scope;
    }

    private static string Narrowest(IReadOnlyList<string> alternatives)
    {
        foreach (var scope in alternatives)
        {
            if (IsNarrow(scope)) return scope;
        }

        return alternatives[0];
    }
}
