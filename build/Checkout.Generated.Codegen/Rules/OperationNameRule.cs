using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Rules;

/// <summary>
/// Codegen policy: an <c>operationId</c> names the C# method (<c>…Async</c>) and the catalog entry, so artefacts of
/// its English summary are removed: articles (<c>requestAPaymentOrPayout</c> → <c>requestPaymentOrPayout</c>), the
/// possessive left by a dropped apostrophe (<c>updateASubEntitySPayoutSchedule</c>, <c>getSubEntitysPayoutSchedule</c>
/// → <c>…SubEntityPayoutSchedule</c>), and an HTTP method used as the verb when the summary names the action
/// (<c>putSubEntityDetails</c>, summary "Update sub-entity details" → <c>updateSubEntityDetails</c>).
/// Operations whose cleaned names would coincide keep their ids, so the choice depends only on those operations
/// and adding an unrelated operation renames nothing. The spec's id stays in <c>x-checkout-spec-operation-id</c>.
/// </summary>
internal sealed class OperationNameRule : INormalisationRule
{
    public const string SpecIdExtension = "x-checkout-spec-operation-id";
    private static readonly HashSet<string> Articles = new(StringComparer.OrdinalIgnoreCase) { "a", "an", "the" };
    private static readonly HashSet<string> MethodVerbs = new(StringComparer.OrdinalIgnoreCase) { "put", "post", "patch" };

    public string Name => "operation ids with articles or artefacts (cleaned for method names)";

    public void Apply(NormalisationContext context)
    {
        var operations = context.Operations().Select(o => o.Operation)
            .Where(o => o["operationId"]?.Value<string>() is { Length: > 0 }).ToList();
        var cleaned = operations.Select(o => Clean(o["operationId"]!.Value<string>()!, o["summary"]?.Value<string>())).ToList();
        var taken = cleaned.Concat(operations.Select(o => o["operationId"]!.Value<string>()!))
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < operations.Count; i++)
        {
            var id = operations[i]["operationId"]!.Value<string>()!;
            if (cleaned[i] == id || taken[cleaned[i]] > 1) continue;
            operations[i][SpecIdExtension] = id;
            operations[i]["operationId"] = cleaned[i];
            context.Count(Name);
        }
    }

    /// <summary>The operation id without articles, possessive artefacts or an HTTP-method verb.</summary>
    internal static string Clean(string id, string? summary)
    {
        var words = Names.Words(id).ToList();
        if (words.Count == 0) return id;
        var kept = new List<string> { words[0] };
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            var last = i == words.Count - 1;
            if (!last && Articles.Contains(word)) continue;
            if (word is "S" or "s" && !last) continue;
            kept.Add(Possessive(word));
        }
        if (MethodVerbs.Contains(kept[0]) && SummaryVerb(summary) is { } verb && !verb.Equals(kept[0], StringComparison.OrdinalIgnoreCase))
        {
            kept[0] = verb;
        }
        if (kept.Count == 1 && kept[0] != words[0]) return id;
        var result = char.ToLowerInvariant(kept[0][0]) + kept[0][1..].ToLowerInvariant()
            + string.Concat(kept.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return char.IsLetter(result[0]) ? result : id;
    }

    // "Entitys" (from "entity's"): a consonant before "ys" is never an English plural ("entities", but "days").
    private static string Possessive(string word) =>
        word.Length > 3 && word.EndsWith("ys", StringComparison.Ordinal) && !"aeiouAEIOU".Contains(word[^3]) ? word[..^1] : word;

    private static string? SummaryVerb(string? summary)
    {
        var first = summary?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is { Length: > 1 } && first.All(char.IsLetter) ? first.ToLowerInvariant() : null;
    }
}
