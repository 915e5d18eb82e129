using Checkout.Generated.Codegen.Repair;
using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Shaping;

/// <summary>
/// Codegen policy: an <c>operationId</c> names the C# method (<c>…Async</c>) and the catalog entry, so artefacts of
/// its English summary are removed: articles (<c>requestAPaymentOrPayout</c> → <c>requestPaymentOrPayout</c>), the
/// possessive left by a dropped apostrophe (<c>updateASubEntitySPayoutSchedule</c>, <c>getSubEntitysPayoutSchedule</c>
/// → <c>…SubEntityPayoutSchedule</c>), and an HTTP method used as the verb when the summary names the action
/// (<c>putSubEntityDetails</c>, summary "Update sub-entity details" → <c>updateSubEntityDetails</c>).
/// and a last word <c>List</c>/<c>Lists</c> (<c>getPaymentLists</c> → <c>getPayments</c>). A cleaned name that another
/// operation has is qualified by the operation's client (<c>uploadAFile</c> of <c>Platforms</c>, beside <c>uploadFile</c>
/// → <c>uploadPlatformFile</c>); one still colliding keeps its id, so the choice depends only on those operations and
/// adding an unrelated operation renames nothing. The spec's id stays in <c>x-checkout-spec-operation-id</c>. A paged
/// list's enumerating method is named here too (<see cref="NamingAuthority.PagingMethod"/>, <c>Items</c> appended when
/// an operation has that name).
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
        var ids = operations.Select(o => o["operationId"]!.Value<string>()!).ToList();
        var cleaned = operations.Select(o => Clean(o["operationId"]!.Value<string>()!, o["summary"]?.Value<string>())).ToList();
        // A cleaned name that is also another operation's is qualified by the operation's client (uploadAFile → uploadPlatformFile).
        for (var i = 0; i < operations.Count; i++)
        {
            if (cleaned[i] == ids[i] || !Collides(cleaned, ids, i, cleaned[i])) continue;
            var qualified = Qualify(cleaned[i], (operations[i]["tags"] as JArray)?.FirstOrDefault()?.Value<string>());
            if (!Collides(cleaned, ids, i, qualified)) cleaned[i] = qualified;
        }
        for (var i = 0; i < operations.Count; i++)
        {
            if (cleaned[i] == ids[i] || Collides(cleaned, ids, i, cleaned[i])) continue;
            operations[i][SpecIdExtension] = ids[i];
            operations[i]["operationId"] = cleaned[i];
            context.Count(Name);
        }
        var final = new HashSet<string>(context.Operations().Select(o => o.Operation["operationId"]?.Value<string>() ?? ""), StringComparer.OrdinalIgnoreCase);
        foreach (var (_, _, operation) in context.Operations())
        {
            if (operation[PagingRule.Extension] is null) continue;
            var method = NamingAuthority.PagingMethod(operation["operationId"]!.Value<string>()!);
            operation[PagingRule.Extension + "-method"] = final.Contains(method) ? method + "Items" : method;
        }
    }

    private static bool Collides(List<string> cleaned, List<string> ids, int self, string name)
    {
        for (var j = 0; j < ids.Count; j++)
        {
            if (j == self) continue;
            if (string.Equals(cleaned[j], name, StringComparison.OrdinalIgnoreCase) || string.Equals(ids[j], name, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The operation's client (its first tag), singular, after the verb: <c>uploadFile</c> of <c>Platforms</c> → <c>uploadPlatformFile</c>.</summary>
    internal static string Qualify(string id, string? tag)
    {
        var client = NamingAuthority.Singular(Names.Identifier(tag ?? ""));
        var words = Names.Words(id).ToList();
        if (client is "Default" or "" || words.Count < 2 || words.Contains(client, StringComparer.OrdinalIgnoreCase)) return id;
        words.Insert(1, client);
        return string.Concat(words);
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
            // "Get payment lists" lists payments: a last word List(s) after a noun makes that noun plural.
            if (last && word is "List" or "Lists" && kept.Count > 1 && kept[^1].All(char.IsLetter))
            {
                kept[^1] = NamingAuthority.Plural(kept[^1]);
                continue;
            }
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
