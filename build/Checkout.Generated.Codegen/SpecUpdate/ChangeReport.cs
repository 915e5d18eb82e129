using System.Text;

namespace Checkout.Generated.Codegen.SpecUpdate;

/// <summary>Writes a <see cref="SpecDiff"/> as the Markdown change report committed under <c>openapi/</c>.</summary>
internal static class ChangeReport
{
    public static string Write(LoadedSpec? previous, LoadedSpec current, SpecDiff? diff)
    {
        var sb = new StringBuilder();
        sb.Append("# Checkout.com OpenAPI changes: ").Append(Name(previous)).Append(" → ").AppendLine(Name(current)).AppendLine();
        sb.AppendLine("Written by `build/update-spec` from the normalised documents (see docs/updating-the-spec.md). Operations are");
        sb.AppendLine("identified by host, method and path and named by their C# client method (`PaymentsClient.CapturePaymentAsync`); types");
        sb.AppendLine("by their C# name. **Breaking** marks what breaks code written against the previous client.");
        sb.AppendLine();
        sb.AppendLine("| | previous | new |").AppendLine("|---|---|---|");
        Row(sb, "source", previous?.Source, current.Source);
        Row(sb, "spec date", previous?.Date, current.Date);
        Row(sb, "sha256", previous?.Sha256, current.Sha256);
        Row(sb, "info.version", previous?.InfoVersion, current.InfoVersion);
        Row(sb, "operations", previous?.OperationCount.ToString(), current.OperationCount.ToString());
        Row(sb, "schemas (published)", previous?.PublishedSchemaCount.ToString(), current.PublishedSchemaCount.ToString());
        Row(sb, "schemas (normalised)", previous?.SchemaCount.ToString(), current.SchemaCount.ToString());
        sb.AppendLine();
        if (diff is null)
        {
            sb.AppendLine("No previous spec was available (no cache and no readable lock source): nothing to compare.");
            return sb.ToString();
        }

        var breaking = diff.Breaking.ToList();
        sb.AppendLine($"**Summary:** {diff.Added.Count} operations added, {diff.Removed.Count} removed, {diff.Changed.Count} changed; "
            + $"{diff.SchemasAdded.Count} schemas added, {diff.SchemasRemoved.Count} removed; {breaking.Count} breaking changes.");
        sb.AppendLine();

        sb.AppendLine($"## Breaking changes ({breaking.Count})").AppendLine();
        foreach (var change in breaking) sb.AppendLine($"- **Breaking** `{change.Subject}`: {change.Description}");
        if (breaking.Count == 0) sb.AppendLine("None.");
        sb.AppendLine();

        sb.AppendLine($"## Operations added ({diff.Added.Count})").AppendLine();
        OperationTable(sb, diff.Added);
        sb.AppendLine($"## Operations removed ({diff.Removed.Count})").AppendLine();
        OperationTable(sb, diff.Removed, "**Breaking**: ");

        sb.AppendLine($"## Operations changed ({diff.Changed.Count})").AppendLine();
        foreach (var (op, changes) in diff.Changed)
        {
            sb.AppendLine($"### `{op.Display}` (`{op.Method}`)").AppendLine();
            foreach (var c in changes) sb.AppendLine($"- {(c.Breaking ? "**Breaking** " : "")}{c.Description}");
            sb.AppendLine();
        }
        if (diff.Changed.Count == 0) sb.AppendLine("None.").AppendLine();

        sb.AppendLine($"## Schemas added ({diff.SchemasAdded.Count})").AppendLine();
        sb.AppendLine(diff.SchemasAdded.Count == 0 ? "None." : string.Join(", ", diff.SchemasAdded.Select(s => $"`{s}`"))).AppendLine();
        sb.AppendLine($"## Schemas removed ({diff.SchemasRemoved.Count})").AppendLine();
        sb.AppendLine(diff.SchemasRemoved.Count == 0 ? "None." : "**Breaking**: " + string.Join(", ", diff.SchemasRemoved.Select(s => $"`{s}`")));
        return sb.ToString();
    }

    private static string Name(LoadedSpec? spec) =>
        spec is null ? "(none)" : spec.Date != "" ? spec.Date : spec.Sha256[..8];

    private static void Row(StringBuilder sb, string name, string? before, string? after) =>
        sb.AppendLine($"| {name} | {Cell(before)} | {Cell(after)} |");

    private static string Cell(string? value) => string.IsNullOrEmpty(value) ? "–" : $"`{value}`";

    private static void OperationTable(StringBuilder sb, IReadOnlyList<OperationShape> operations, string prefix = "")
    {
        if (operations.Count == 0)
        {
            sb.AppendLine("None.").AppendLine();
            return;
        }
        sb.AppendLine("| operation | host | method | OAuth scopes |").AppendLine("|---|---|---|---|");
        foreach (var op in operations)
        {
            var scopes = op.Entry.Scopes.Count == 0 ? "–" : string.Join(", ", op.Entry.Scopes.Select(s => $"`{s}`"));
            sb.AppendLine($"| {prefix}`{op.Entry.Method} {op.Entry.Path}` | {op.Entry.Host} | `{op.Method}` | {scopes} |");
        }
        sb.AppendLine();
    }
}
