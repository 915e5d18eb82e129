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
            renames[name] = plain;
            context.Count(Name);
        }
        SchemaRenames.Apply(context.Document, schemas, renames);
    }
}
