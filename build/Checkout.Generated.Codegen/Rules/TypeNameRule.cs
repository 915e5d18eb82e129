using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Rules;

/// <summary>
/// Codegen policy: a component name becomes a C# type name as it is, so names that are not PascalCase identifiers
/// (<c>CardPayoutRequest_DestinationTypeCard</c>, <c>get-event-types-response</c>, <c>PaymentData_3ds</c>) are made
/// PascalCase (<c>CardPayoutRequestDestinationTypeCard</c>, <c>GetEventTypesResponse</c>, <c>PaymentData3ds</c>)
/// where that name is free; every <c>$ref</c> and mapping follows. Where it is taken (ABC 2023-02-23 has both
/// <c>Payment_Id</c>, the events list, and <c>PaymentId</c>), a schema that answers an operation is named after that
/// operation (<c>RetrieveEventsResponse</c>). Runs last, over every schema the other rules named.
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
            if (pascal.Length == 0 || pascal == name) continue;
            if (!taken.Add(pascal) && !(AnsweredOperation(context, name) is { } byOperation && taken.Add(pascal = byOperation))) continue;
            renames[name] = pascal;
            context.Count(Name);
        }
        SchemaRenames.Apply(context.Document, schemas, renames);
    }

    /// <summary><c>{OperationId}Response</c> for the first operation whose success body is the schema; null when none is.</summary>
    private static string? AnsweredOperation(NormalisationContext context, string schema)
    {
        var reference = "#/components/schemas/" + schema;
        foreach (var (_, _, operation) in context.Operations())
        {
            var answers = (operation["responses"] as JObject)?.Properties().Where(r => r.Name.StartsWith('2')).Select(r => r.Value) ?? [];
            if (answers.Any(a => a.SelectTokens("content.*.schema['$ref']").Any(r => r.Value<string>() == reference))
                && operation["operationId"]?.Value<string>() is { } id)
                return Names.Identifier(id) + "Response";
        }
        return null;
    }
}
