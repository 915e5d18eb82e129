using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Shaping;

/// <summary>
/// Makes every set of known string values (<c>x-enum-values</c>, kept by <c>OpenEnumRule</c>) one value type: a component
/// schema per distinct set (order-independent), named by <see cref="NamingAuthority.ValueTypeName"/>, which every
/// property, array item and parameter carrying that set refers to. The template <c>Enum.liquid</c> writes it as an
/// extensible enum (a <c>readonly struct</c> over the string). Discriminator properties stay strings: the inheritance
/// converter reads them.
/// </summary>
internal sealed class ValueTypeRule : INormalisationRule
{
    /// <summary>On a value type's component: marks it as written by <c>Enum.liquid</c> (a struct, not a C# enum).</summary>
    public const string Extension = "x-checkout-value-type";

    public string Name => "value types (one extensible enum per distinct set of known string values)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        var uses = ValueUses.Find(context.Document, schemas);
        var taken = new HashSet<string>(schemas.Properties().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var (_, _, operation) in context.Operations())
        {
            if (operation["x-checkout-result-type"]?.Value<string>() is { } result) taken.Add(result);
        }
        var groups = uses.GroupBy(u => u.Key, StringComparer.Ordinal)
            .OrderByDescending(g => g.Any(u => u.Component is not null)).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups.ToList())
        {
            var all = group.ToList();
            var named = all.FirstOrDefault(u => u.Component is not null)?.Component;
            var places = all.Where(u => u.Component is null).ToList();
            var name = named is not null && !(IsFallback(named) && places.Count > 0) ? named
                : Free(NamingAuthority.ValueTypeName((places.Count > 0 ? places : all).Select(u => (u.Owner, u.Role)).ToList(), n => !taken.Contains(n)), taken);
            taken.Add(name);
            if (named is not null && name != named)
            {
                // A spec name that needed a qualifier and found none (its references were inlined before naming): the
                // value type is named by where its values are used (Category → AuthenticationCategory).
                // Moved by hand: SchemaRenames rebuilds the schemas object, which would detach the places found above.
                schemas[name] = schemas[named]!.DeepClone();
                schemas.Remove(named);
                Redirect(context.Document, Discriminators.Reference(named), Discriminators.Reference(name));
                named = name;
            }
            var values = all[0].Values;
            var schema = named is not null ? (JObject)schemas[named]! : new JObject { ["type"] = "string" };
            schema.Remove("x-enum-values");
            schema["type"] = "string";
            schema["enum"] = new JArray(values);
            schema["x-enumNames"] = new JArray(NamingAuthority.ValueNames(name, values));
            schema[Extension] = true;
            if (named is null)
            {
                schema["description"] = Description(all);
                schemas[name] = schema;
            }
            var reference = Discriminators.Reference(name);
            foreach (var use in all.Where(u => u.Component != name))
            {
                if (use.Component is not null)
                {
                    Redirect(context.Document, Discriminators.Reference(use.Component), reference);
                    schemas.Remove(use.Component);
                    continue;
                }
                // The place keeps what it says of itself (description, nullable, extensions such as x-checkout-required);
                // what describes the values moves to the value type.
                foreach (var keyword in ValueKeywords) use.Node.Remove(keyword);
                use.Node.AddFirst(new JProperty("$ref", reference));
            }
            context.Count(Name);
        }
    }

    private static readonly string[] ValueKeywords = ["type", "enum", "x-enum-values", "format", "pattern", "minLength", "maxLength", "title", "default"];

    /// <summary>Whether the type namer could only qualify a generic or framework name by the product (<c>CheckoutCategory</c>).</summary>
    private static bool IsFallback(string name) =>
        NamingAuthority.NeedsQualifier(name)
        || name.StartsWith(NamingAuthority.Product, StringComparison.Ordinal) && NamingAuthority.NeedsQualifier(name[NamingAuthority.Product.Length..]);

    private static string Free(string wanted, HashSet<string> taken)
    {
        var name = wanted;
        for (var i = 2; !taken.Add(name); i++) name = wanted + i;
        return name;
    }

    private static string Description(IReadOnlyList<ValueUse> uses)
    {
        var places = uses.Select(u => u.Place).Distinct(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", places.Take(3)) + (places.Count > 3 ? $" and {places.Count - 3} more" : "");
        return $"The values Checkout.com documents for {shown}. A value newer than the spec reads and is sent back unchanged.";
    }

    private static void Redirect(JObject document, string from, string to)
    {
        foreach (var (_, node) in OpenApi.Objects(document).ToList())
        {
            if (node["$ref"] is JValue { Type: JTokenType.String } value && value.Value<string>() == from) value.Value = to;
        }
    }
}
