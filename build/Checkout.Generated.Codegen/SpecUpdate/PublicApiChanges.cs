using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.SpecUpdate;

/// <summary>
/// The public API diff between two baselines (<c>api/Checkout.Generated.approved.txt</c> before and after an update), as
/// a section of the change report: what a user of the previous package sees break, named as C# names. Types are matched
/// by simple name (one in another namespace has moved); client methods by their catalog operation, through the spec's
/// own id (<c>x-checkout-spec-operation-id</c>) or the old id as <c>OperationNameRule</c> cleans it, so a renamed method
/// shows as a rename.
/// </summary>
internal static class PublicApiChanges
{
    public const string Heading = "## Public API changes";
    private static readonly Regex TypeLine = new(@"^    public (?:(?:sealed|static|abstract|partial|readonly) )*(?:class|interface|struct|enum|record) (?<name>[A-Za-z0-9_]+)", RegexOptions.CultureInvariant);
    private static readonly Regex OperationLine = new(@"^        \[Checkout\.Generated\.CheckoutOperation\(""(?<id>[^""]+)""\)\]", RegexOptions.CultureInvariant);
    private static readonly Regex MethodName = new(@"(?<name>[A-Za-z0-9_]+)(?:<[^(]*>)?\(", RegexOptions.CultureInvariant);

    private sealed record Api(Dictionary<string, string> Types, Dictionary<string, (string Client, string Method, string Signature)> Operations);

    /// <summary>The report section: previous → current baseline; <paramref name="specIds"/> maps a cleaned operation id to the spec's.</summary>
    public static string Write(string previousLabel, string previous, string current, IReadOnlyDictionary<string, string> specIds)
    {
        var before = Read(previous);
        var after = Read(current);
        var sb = new StringBuilder();
        sb.AppendLine($"{Heading}: {previousLabel} → this build").AppendLine();
        sb.AppendLine("Read from the public API baselines (`api/Checkout.Generated.approved.txt`) before and after, with C# names: what");
        sb.AppendLine("code compiled against the previous package meets. **Breaking** marks what stops it compiling.").AppendLine();

        var moved = after.Types.Where(t => before.Types.TryGetValue(t.Key, out var ns) && ns != t.Value).GroupBy(t => (From: before.Types[t.Key], To: t.Value)).ToList();
        var removed = before.Types.Keys.Where(t => !after.Types.ContainsKey(t)).Order(StringComparer.Ordinal).ToList();
        var added = after.Types.Keys.Where(t => !before.Types.ContainsKey(t)).Order(StringComparer.Ordinal).ToList();
        var renamed = new List<string>();
        var changed = new List<string>();
        var gone = new List<string>();
        var byOldId = after.Operations.ToDictionary(o => specIds.TryGetValue(o.Key, out var spec) ? spec : o.Key, o => o.Value, StringComparer.Ordinal);
        foreach (var (id, old) in before.Operations.OrderBy(o => o.Value.Client + "." + o.Value.Method, StringComparer.Ordinal))
        {
            // The same id, else the new operation whose spec id it was, else the id as the naming rule cleans it now.
            if (!after.Operations.TryGetValue(id, out var now) && !byOldId.TryGetValue(id, out now)
                && !after.Operations.TryGetValue(Shaping.OperationNameRule.Clean(id, null), out now))
            {
                gone.Add($"`{old.Client}.{old.Method}`");
                continue;
            }
            if (old.Client != now.Client || old.Method != now.Method) renamed.Add($"`{old.Client}.{old.Method}` → `{now.Client}.{now.Method}`");
            else if (Normalise(old.Signature) != Normalise(now.Signature)) changed.Add($"`{now.Client}.{now.Method}`");
        }
        var cleanedBefore = new HashSet<string>(before.Operations.Keys.Select(k => Shaping.OperationNameRule.Clean(k, null)), StringComparer.Ordinal);
        var newMethods = after.Operations.Where(o => !before.Operations.ContainsKey(o.Key) && !cleanedBefore.Contains(o.Key)
                && !(specIds.TryGetValue(o.Key, out var spec) && before.Operations.ContainsKey(spec)))
            .Select(o => $"`{o.Value.Client}.{o.Value.Method}`").Order(StringComparer.Ordinal).ToList();

        var breaking = moved.Sum(g => g.Count()) + removed.Count + renamed.Count + changed.Count + gone.Count;
        sb.AppendLine($"**Summary:** {breaking} breaking changes: {moved.Sum(g => g.Count())} types moved to another namespace, {removed.Count} types removed, "
            + $"{renamed.Count} methods renamed, {changed.Count} method signatures changed, {gone.Count} methods removed; {added.Count} types and {newMethods.Count} operation methods added.").AppendLine();
        foreach (var group in moved)
        {
            sb.AppendLine($"- **Breaking** {group.Count()} types moved from `{group.Key.From}` to `{group.Key.To}` (add `using {group.Key.To};`).");
        }
        List(sb, "Methods renamed", renamed, true);
        List(sb, "Method signatures changed (parameters or result)", changed, true);
        List(sb, "Methods removed", gone, true);
        List(sb, "Types removed", removed.Select(t => $"`{t}`").ToList(), true);
        List(sb, "Methods added", newMethods, false);
        List(sb, "Types added", added.Select(t => $"`{t}`").ToList(), false);
        return sb.ToString();
    }

    /// <summary>Replaces the report's public API section (everything from its heading on), or appends it.</summary>
    public static string Merge(string report, string section)
    {
        var at = report.IndexOf(Heading, StringComparison.Ordinal);
        var kept = at < 0 ? report.TrimEnd('\n') + "\n\n" : report[..at];
        return kept + section;
    }

    private static void List(StringBuilder sb, string title, IReadOnlyList<string> items, bool breaking)
    {
        sb.AppendLine().AppendLine($"### {title} ({items.Count})").AppendLine();
        sb.AppendLine(items.Count == 0 ? "None." : (breaking ? "**Breaking**: " : "") + string.Join(", ", items));
    }

    // Namespaces are reported once, as moves; a signature that differs only by them is not changed again.
    private static string Normalise(string signature) => Regex.Replace(signature, @"\bCheckout\.Generated\.(?:Models\.)?", "");

    private static Api Read(string baseline)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var operations = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        string ns = "", type = "";
        string? pending = null;
        foreach (var line in baseline.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("namespace ", StringComparison.Ordinal)) { ns = line["namespace ".Length..].Trim(); continue; }
            var typeMatch = TypeLine.Match(line);
            if (typeMatch.Success)
            {
                type = typeMatch.Groups["name"].Value;
                types.TryAdd(type, ns);
                continue;
            }
            var operation = OperationLine.Match(line);
            if (operation.Success) { pending = operation.Groups["id"].Value; continue; }
            if (pending is not null && line.TrimStart().StartsWith('[')) continue;
            if (pending is not null && type.StartsWith('I') && type.EndsWith("Client", StringComparison.Ordinal) && MethodName.Match(line) is { Success: true } method)
            {
                operations.TryAdd(pending, (type, method.Groups["name"].Value, line.Trim()));
            }
            pending = null;
        }
        return new Api(types, operations);
    }

    /// <summary>Cleaned operation id → the spec's own id, where they differ, from a normalised document.</summary>
    public static IReadOnlyDictionary<string, string> SpecIds(NormalisationContext context) =>
        context.Operations()
            .Where(o => o.Operation[Shaping.OperationNameRule.SpecIdExtension] is JValue)
            .ToDictionary(o => o.Operation["operationId"]!.Value<string>()!, o => o.Operation[Shaping.OperationNameRule.SpecIdExtension]!.Value<string>()!, StringComparer.Ordinal);
}
