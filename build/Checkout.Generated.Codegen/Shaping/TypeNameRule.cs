using Checkout.Generated.Codegen.Repair;
using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Shaping;

/// <summary>
/// Names every type: each component schema and each multi-status result class (value types: <see cref="ValueTypeRule"/>), by the
/// rules of <see cref="NamingAuthority"/>, the names the spec gives first (<see cref="TypeNamer.Order"/>): a schema the spec named by rule 1, a schema a repair
/// rule created (<see cref="Origin"/>) by rule 2 from its owner's final name, then rule 3 when the name is a generic
/// word or a framework type's, then a number when it is still taken (case-insensitively). Every <c>$ref</c>, mapping,
/// paging item type and result type follows; origin marks are removed.
/// </summary>
internal sealed class TypeNameRule : INormalisationRule
{
    public string Name => "type names (decided by the naming rules)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        var namer = new TypeNamer(context.Document, schemas);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in namer.Order())
        {
            var name = namer.Decide(key);
            if (name != key) renames[key] = name;
        }
        foreach (var (_, _, operation) in context.Operations())
        {
            if (operation[PagingRule.Extension + "-item-type"]?.Value<string>() is { } item && namer.Final.TryGetValue(item, out var final))
            {
                operation[PagingRule.Extension + "-item-type"] = final;
            }
            if (operation["x-checkout-result-type"] is not null)
            {
                operation["x-checkout-result-type"] = namer.Free(Names.Identifier(operation["operationId"]?.Value<string>() ?? "Operation") + "Result");
            }
        }
        SchemaRenames.Apply(context.Document, schemas, renames);
        foreach (var schema in schemas.Properties().Select(p => p.Value).OfType<JObject>()) schema.Remove(Origin.Extension);
        context.Count(Name, renames.Count);
    }
}
