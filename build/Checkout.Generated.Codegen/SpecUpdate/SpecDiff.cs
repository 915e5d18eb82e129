namespace Checkout.Generated.Codegen.SpecUpdate;

/// <summary>The differences between two normalised documents, as the generated client's callers see them.</summary>
internal sealed class SpecDiff
{
    private SpecDiff(
        IReadOnlyList<OperationShape> added, IReadOnlyList<OperationShape> removed,
        IReadOnlyList<(OperationShape Operation, IReadOnlyList<SpecChange> Changes)> changed,
        IReadOnlyList<string> schemasAdded, IReadOnlyList<string> schemasRemoved)
    {
        Added = added;
        Removed = removed;
        Changed = changed;
        SchemasAdded = schemasAdded;
        SchemasRemoved = schemasRemoved;
    }

    public IReadOnlyList<OperationShape> Added { get; }

    public IReadOnlyList<OperationShape> Removed { get; }

    /// <summary>Operations in both documents that differ, each with its changes (the new document's shape).</summary>
    public IReadOnlyList<(OperationShape Operation, IReadOnlyList<SpecChange> Changes)> Changed { get; }

    public IReadOnlyList<string> SchemasAdded { get; }

    public IReadOnlyList<string> SchemasRemoved { get; }

    /// <summary>Every change that breaks existing callers: removals and the breaking changes of changed operations.</summary>
    public IEnumerable<SpecChange> Breaking =>
        Removed.Select(o => new SpecChange(o.Display, $"operation removed (`{o.Method}`)", true))
            .Concat(Changed.SelectMany(c => c.Changes).Where(c => c.Breaking))
            .Concat(SchemasRemoved.Select(s => new SpecChange(s, "schema removed", true)));

    public static SpecDiff Compare(NormalisationContext previous, NormalisationContext current)
    {
        var before = OperationShape.ReadAll(previous);
        var after = OperationShape.ReadAll(current);
        var added = after.Values.Where(o => !before.ContainsKey(o.Key)).OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
        var removed = before.Values.Where(o => !after.ContainsKey(o.Key)).OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
        var changed = new List<(OperationShape, IReadOnlyList<SpecChange>)>();
        foreach (var op in after.Values.Where(o => before.ContainsKey(o.Key)).OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var changes = OperationChanges.Between(before[op.Key], op);
            if (changes.Count > 0) changed.Add((op, changes));
        }
        var schemasBefore = SchemaNames(previous);
        var schemasAfter = SchemaNames(current);
        return new SpecDiff(
            added, removed, changed,
            schemasAfter.Except(schemasBefore, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            schemasBefore.Except(schemasAfter, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }

    internal static IReadOnlyList<string> SchemaNames(NormalisationContext context) =>
        (context.Document["components"]?["schemas"] as Newtonsoft.Json.Linq.JObject)?.Properties().Select(p => p.Name).ToList() ?? [];
}
