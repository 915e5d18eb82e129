using Checkout.Generated.Codegen.Repair;
using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Shaping;

/// <summary>
/// Names every type: each component schema, each known-values class and each multi-status result class, by the
/// rules of <see cref="NamingAuthority"/>, the names the spec gives first (<see cref="TypeNamer.Order"/>): a schema the spec named by rule 1, a schema a repair
/// rule created (<see cref="Origin"/>) by rule 2 from its owner's final name, then rule 3 when the name is a generic
/// word or a framework type's, then a number when it is still taken (case-insensitively). Every <c>$ref</c>, mapping,
/// paging item type and result type follows; origin marks are removed.
/// </summary>
internal sealed class TypeNameRule : INormalisationRule
{
    /// <summary>On an enum property: the name of the class holding its known values (read by <c>KnownValuesWriter</c>).</summary>
    public const string ValuesClassExtension = "x-checkout-values-class";

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
        foreach (var component in schemas.Properties())
        {
            if (component.Value is not JObject schema || schema["properties"] is not JObject properties) continue;
            foreach (var property in properties.Properties())
            {
                if (property.Value is not JObject value || !TypeNamer.HasKnownValues(value)) continue;
                var wanted = NamingAuthority.Child(namer.Prefix(component.Name), Names.Identifier(property.Name));
                var name = namer.IsFree(wanted) ? wanted : wanted + "Values";
                if (!namer.IsFree(name)) continue;
                namer.Take(name);
                value[ValuesClassExtension] = name;
            }
        }
        SchemaRenames.Apply(context.Document, schemas, renames);
        foreach (var schema in schemas.Properties().Select(p => p.Value).OfType<JObject>()) schema.Remove(Origin.Extension);
        context.Count(Name, renames.Count);
    }
}
