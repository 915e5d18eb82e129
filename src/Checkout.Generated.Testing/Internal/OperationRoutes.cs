using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Checkout.Generated.Testing.Internal;

/// <summary>Matches a request (host kind, method, path) to its catalog operation.</summary>
internal sealed class OperationRoutes
{
    private readonly List<(CheckoutOperation Operation, Regex Pattern, string[] Names)> _routes;

    public OperationRoutes(IEnumerable<CheckoutOperation> operations)
    {
        // Literal templates first, so /workflows/event-types wins over /workflows/{workflowId}.
        _routes = operations
            .OrderBy(o => o.PathTemplate.Count(c => c == '{'))
            .Select(o => (o, new Regex("^" + Regex.Replace(Regex.Escape(o.PathTemplate), @"\\\{([^}]+)}", "(?<p>[^/]+)") + "/?$", RegexOptions.CultureInvariant),
                Regex.Matches(o.PathTemplate, @"\{([^}]+)}").Select(m => m.Groups[1].Value).ToArray()))
            .ToList();
    }

    public CheckoutOperation? Match(string host, string method, string path, out Dictionary<string, string> parameters)
    {
        parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (operation, pattern, names) in _routes)
        {
            if (operation.Host != host || !string.Equals(operation.Method, method, StringComparison.OrdinalIgnoreCase)) continue;
            var match = pattern.Match(path);
            if (!match.Success) continue;
            var captures = match.Groups["p"].Captures;
            for (var i = 0; i < names.Length && i < captures.Count; i++) parameters[names[i]] = Uri.UnescapeDataString(captures[i].Value);
            return operation;
        }

        return null;
    }
}
