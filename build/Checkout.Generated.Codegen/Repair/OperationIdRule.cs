using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;
using System.Text;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// Every operation needs a unique <c>operationId</c>: a missing one is derived from the summary
/// (<c>Get payment details</c> → <c>getPaymentDetails</c>), or from the method and path when the summary is
/// missing or would collide (<c>patch /workflows/{workflowId}</c> → <c>patchWorkflowsByWorkflowId</c>).
/// The choice for one operation depends only on the operations that would share its name, so adding an
/// unrelated operation never renames another.
/// </summary>
internal sealed class OperationIdRule : INormalisationRule
{
    public string Name => "operations without a unique operationId (derived)";

    public void Apply(NormalisationContext context)
    {
        var operations = context.Operations().ToList();
        var given = operations.Select(o => o.Operation["operationId"]?.Value<string>()).Where(id => !string.IsNullOrWhiteSpace(id))
            .GroupBy(id => id!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

        var needing = operations.Where(o => string.IsNullOrWhiteSpace(o.Operation["operationId"]?.Value<string>())
                                            || given[o.Operation["operationId"]!.Value<string>()!] > 1).ToList();
        var fromSummary = needing.Select(o => FromSummary(o.Operation["summary"]?.Value<string>())).ToList();
        var summaryCounts = fromSummary.Where(s => s is not null).GroupBy(s => s!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

        for (var i = 0; i < needing.Count; i++)
        {
            var (path, method, operation) = needing[i];
            var candidate = fromSummary[i];
            var usable = candidate is not null && summaryCounts[candidate] == 1 && !given.ContainsKey(candidate);
            var id = usable ? candidate! : FromMethodAndPath(method, operation["x-checkout-path"]?.Value<string>() ?? path);
            if (given.ContainsKey(id) && !usable) id += "Operation";
            operation["operationId"] = id;
            context.Count(Name);
        }
    }

    internal static string? FromSummary(string? summary)
    {
        if (string.IsNullOrWhiteSpace(summary)) return null;
        var words = Words(summary);
        return words.Count == 0 ? null : CamelCase(words);
    }

    internal static string FromMethodAndPath(string method, string path)
    {
        var words = new List<string> { method.ToLowerInvariant() };
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith('{')) { words.Add("by"); words.AddRange(Words(segment)); }
            else words.AddRange(Words(segment));
        }
        return CamelCase(words);
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) { current.Append(c); continue; }
            if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }

    private static string CamelCase(IReadOnlyList<string> words)
    {
        var sb = new StringBuilder(words[0].ToLowerInvariant());
        foreach (var w in words.Skip(1)) sb.Append(char.ToUpperInvariant(w[0])).Append(w[1..]);
        if (char.IsDigit(sb[0])) sb.Insert(0, "op");
        return sb.ToString();
    }
}
