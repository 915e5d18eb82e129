using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// Codegen policy: the response metadata (<c>CheckoutResponse</c>: status, request id, headers) belongs to what a call
/// returns, not to every model. A component that is the JSON body of a documented success is marked
/// <c>x-checkout-returned</c>, unless a schema it extends is marked too (it inherits the property from there);
/// <c>Class.Body.liquid</c> declares the property on the marked ones only. Request-only and nested models carry none.
/// </summary>
internal sealed class ResultMetadataRule : INormalisationRule
{
    public const string Extension = "x-checkout-returned";

    public string Name => "result models that carry the response metadata";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        var returned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, _, operation) in context.Operations())
        {
            foreach (var response in (operation["responses"] as JObject)?.Properties() ?? [])
            {
                if (!response.Name.StartsWith('2') || OpenApi.Deref(context.Document, response.Value)?["content"] is not JObject content) continue;
                foreach (var media in content.Properties())
                {
                    if (Discriminators.SchemaName(media.Value["schema"]?["$ref"]?.Value<string>()) is { } name && schemas[name] is JObject) returned.Add(name);
                }
            }
        }
        foreach (var name in returned)
        {
            if (returned.Any(other => other != name && Discriminators.Extends(schemas, name, other))) continue;
            schemas[name]![Extension] = true;
            context.Count(Name);
        }
    }
}
