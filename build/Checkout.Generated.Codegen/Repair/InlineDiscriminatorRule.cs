using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// A discriminator on an inline schema (a property's or a request body's) gives subtypes nothing to extend: the schema
/// moves to <c>components/schemas</c>, named after where it was (<c>CardPayoutRequestSender</c> +
/// <c>account_holder</c> → <c>CardPayoutRequestSenderAccountHolder</c>), and is referenced from there. Identical
/// inline schemas share one component.
/// </summary>
internal sealed class InlineDiscriminatorRule : INormalisationRule
{
    private static readonly HashSet<string> Structural = new(StringComparer.Ordinal)
    {
        "components", "schemas", "properties", "items", "content", "schema", "paths", "responses", "requestBody",
        "additionalProperties", "oneOf", "anyOf", "application~1json", "parameters",
    };

    public string Name => "discriminators on inline schemas (moved to components)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"] is not JObject components) context.Document["components"] = components = new JObject();
        if (components["schemas"] is not JObject schemas) components["schemas"] = schemas = new JObject();

        // Deepest first, so an inline discriminator inside another is referenced before its parent moves.
        var inline = OpenApi.Objects(context.Document)
            .Where(o => o.Node["discriminator"] is JObject && !IsComponentOrAllOfMember(o.Pointer) && o.Node.Parent is JProperty or JArray)
            .OrderByDescending(o => o.Pointer.Count(c => c == '/'))
            .ToList();
        var hoisted = new List<(string Name, JObject Schema)>();
        foreach (var (pointer, node) in inline)
        {
            var name = hoisted.FirstOrDefault(h => JToken.DeepEquals(h.Schema, node)).Name;
            if (name is null)
            {
                name = Names.FreeSchemaName(schemas, NameFor(pointer));
                var copy = (JObject)node.DeepClone();
                var tokens = pointer.Split('/');
                if (tokens.Length > 4 && tokens[1] == "components" && tokens[2] == "schemas")
                {
                    Origin.Mark(copy, "#/" + string.Join('/', tokens[1..4]), NameFor("/" + string.Join('/', tokens[4..])));
                }
                schemas[name] = copy;
                hoisted.Add((name, (JObject)node.DeepClone()));
            }
            node.Replace(new JObject { ["$ref"] = Discriminators.Reference(name) });
            context.Count(Name);
        }
    }

    private static bool IsComponentOrAllOfMember(string pointer)
    {
        var tokens = pointer.Split('/');
        return OpenApi.IsComponentSchema(pointer) || (tokens.Length >= 3 && tokens[^2] == "allOf");
    }

    private static string NameFor(string pointer)
    {
        var words = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => !Structural.Contains(t) && !t.All(char.IsDigit))
            .Select(t => Names.Pascal(t.Replace("~1", "/").Replace("~0", "~")));
        var name = string.Concat(words);
        return name.Length == 0 ? "InlineDiscriminated" : name;
    }
}
