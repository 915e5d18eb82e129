namespace Checkout.Generated.Codegen.SpecUpdate;

/// <summary>
/// The changes between two releases of one operation. Breaking: what makes code written against the older client fail
/// to compile or to be authorised: a renamed method, a parameter removed, added as required or retyped, a request body
/// or success response with another schema, a scope or credential no longer accepted. An operation that moves
/// to another host is reported as removed and added, as operations are identified by host, method and path.
/// </summary>
internal static class OperationChanges
{
    public static IReadOnlyList<SpecChange> Between(OperationShape before, OperationShape after)
    {
        var subject = after.Display;
        var changes = new List<SpecChange>();
        void Add(string description, bool breaking) => changes.Add(new SpecChange(subject, description, breaking));

        if (before.Entry.Id != after.Entry.Id) Add($"method `{Names.Identifier(before.Entry.Id)}Async` renamed `{Names.Identifier(after.Entry.Id)}Async`", true);
        if (before.Entry.Tag != after.Entry.Tag) Add($"moves from `{before.Entry.Tag}Client` to `{after.Entry.Tag}Client` (tag `{before.Entry.Tag}` → `{after.Entry.Tag}`)", true);

        foreach (var (key, p) in before.Parameters)
        {
            if (!after.Parameters.TryGetValue(key, out var q)) { Add($"parameter `{p.Name}` ({p.In}) removed", true); continue; }
            if (p.Schema != q.Schema) Add($"parameter `{p.Name}` ({p.In}) type `{p.Schema}` → `{q.Schema}`", true);
            if (!p.Required && q.Required) Add($"parameter `{p.Name}` ({p.In}) is now required", true);
            if (p.Required && !q.Required) Add($"parameter `{p.Name}` ({p.In}) is now optional", false);
        }
        foreach (var (key, q) in after.Parameters)
        {
            if (!before.Parameters.ContainsKey(key)) Add($"parameter `{q.Name}` ({q.In}) added, {(q.Required ? "required" : "optional")}", q.Required);
        }

        if (before.RequestBody != after.RequestBody)
        {
            if (before.RequestBody is null) Add($"request body added: {after.RequestBody}", after.RequestBodyRequired);
            else if (after.RequestBody is null) Add($"request body removed (was {before.RequestBody})", true);
            else Add($"request body {before.RequestBody} → {after.RequestBody}", true);
        }
        else if (!before.RequestBodyRequired && after.RequestBodyRequired && after.RequestBody is not null)
        {
            Add("request body is now required", true);
        }

        foreach (var (status, body) in before.Responses)
        {
            var success = status.StartsWith('2');
            if (!after.Responses.TryGetValue(status, out var now)) Add($"response {status} removed (was {body})", success);
            else if (now != body) Add($"response {status}: {body} → {now}", success);
        }
        foreach (var (status, body) in after.Responses)
        {
            if (!before.Responses.ContainsKey(status)) Add($"response {status} added: {body}", false);
        }

        foreach (var scope in before.Entry.Scopes.Except(after.Entry.Scopes, StringComparer.Ordinal)) Add($"OAuth scope `{scope}` no longer accepted", true);
        foreach (var scope in after.Entry.Scopes.Except(before.Entry.Scopes, StringComparer.Ordinal)) Add($"OAuth scope `{scope}` now accepted", false);
        var credentialsLost = before.Entry.Credentials.Except(after.Entry.Credentials, StringComparer.Ordinal).ToList();
        if (credentialsLost.Count > 0) Add($"no longer accepts {string.Join(", ", credentialsLost)} credentials", true);
        return changes;
    }
}
