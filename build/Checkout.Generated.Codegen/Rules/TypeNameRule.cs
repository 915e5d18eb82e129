using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Rules;

/// <summary>
/// Codegen policy: a component name becomes a C# type name as it is, so names that are not PascalCase identifiers
/// (<c>CardPayoutRequest_DestinationTypeCard</c>, <c>get-event-types-response</c>, <c>PaymentData_3ds</c>) are made
/// PascalCase (<c>CardPayoutRequestDestinationTypeCard</c>, <c>GetEventTypesResponse</c>, <c>PaymentData3ds</c>)
/// where that name is free; every <c>$ref</c> and mapping follows. Runs last, over every schema the other rules named.
/// </summary>
internal sealed class TypeNameRule : INormalisationRule
{
    public string Name => "schema names that are not PascalCase identifiers (made PascalCase)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        var taken = new HashSet<string>(schemas.Properties().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in schemas.Properties().Select(p => p.Name).ToList())
        {
            var pascal = Names.Identifier(name);
            if (pascal.Length == 0 || pascal == name || !taken.Add(pascal)) continue;
            renames[name] = pascal;
            context.Count(Name);
        }
        SchemaRenames.Apply(context.Document, schemas, renames);
    }
}
