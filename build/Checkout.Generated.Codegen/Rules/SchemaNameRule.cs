using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Rules;

/// <summary>
/// Codegen policy: schema names carry ordering prefixes for the reference site (<c>01_PaymentRequestTokenSource</c>),
/// which would become C# types like <c>_01_PaymentRequestTokenSource</c>. The prefix is dropped where the plain
/// name is free, and every <c>$ref</c> follows.
/// </summary>
internal sealed class SchemaNameRule : INormalisationRule
{
    private static readonly Regex OrderingPrefix = new(@"^\d+_*(?=[A-Za-z])", RegexOptions.CultureInvariant);

    public string Name => "schema names with an ordering prefix (prefix dropped)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(schemas.Properties().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var name in schemas.Properties().Select(p => p.Name).ToList())
        {
            var plain = OrderingPrefix.Replace(name, "");
            if (plain == name || !taken.Add(plain)) continue;
            renames["#/components/schemas/" + OpenApi.Escape(name)] = "#/components/schemas/" + OpenApi.Escape(plain);
            var property = schemas.Property(name)!;
            property.Replace(new JProperty(plain, property.Value));
            context.Count(Name);
        }
        if (renames.Count == 0) return;

        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            // $ref values and discriminator mapping values point at schemas.
            var isMapping = pointer.EndsWith("/discriminator/mapping", StringComparison.Ordinal);
            foreach (var property in node.Properties())
            {
                if ((isMapping || property.Name == "$ref") && property.Value is JValue { Type: JTokenType.String } value
                    && renames.TryGetValue(value.Value<string>()!, out var renamed))
                {
                    value.Value = renamed;
                }
            }
        }
    }
}
