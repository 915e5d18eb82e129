using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// Checkout omits fields its spec calls <c>required</c> (<c>processed_on</c>, <c>amount</c>, <c>approved</c>, …), and a
/// required property is generated non-nullable: an absent field would read as <c>0</c>, <c>false</c> or
/// <c>0001-01-01</c> and be written back. <c>required</c> is removed from every schema a response can contain (and from
/// schemas no operation uses); only schemas that are reachable from requests alone keep it, so request models still say
/// which fields must be set.
/// </summary>
internal sealed class ResponseRequiredRule : INormalisationRule
{
    public string Name => "required lists on schemas a response can contain (removed: responses omit them)";

    public void Apply(NormalisationContext context)
    {
        var document = context.Document;
        var requestOnly = SchemaGraph.Reachable(document, SchemaGraph.RequestRoots(document));
        requestOnly.ExceptWith(SchemaGraph.Reachable(document, SchemaGraph.ResponseRoots(document)));

        var targets = SchemaGraph.ResponseRoots(document).ToList();
        if (document["components"]?["schemas"] is JObject schemas)
        {
            targets.AddRange(schemas.Properties().Where(p => !requestOnly.Contains(p.Name)).Select(p => p.Value).OfType<JObject>());
        }
        foreach (var node in targets.SelectMany(SchemaGraph.Inline))
        {
            if (node["required"] is not JArray { Count: > 0 }) continue;
            node.Remove("required");
            context.Count(Name);
        }
    }
}
