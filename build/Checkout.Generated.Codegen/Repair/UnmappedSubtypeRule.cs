using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;
using System.Text.RegularExpressions;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// A schema that extends a discriminated base but is missing from its mapping would get its schema name as the
/// discriminator value, which no response carries, so it would never be read. It is added to the mapping under the
/// value it pins: its own <c>enum</c> (one value), <c>const</c> or <c>example</c> of the discriminator property, else
/// the document's naming convention when the mapped siblings follow one (<c>PaymentResponseCardSource</c> is
/// <c>card</c>, so <c>PaymentResponseCurrencyAccountSource</c> is <c>currency_account</c>, spelled as the document
/// spells that value in another mapping). A value already mapped is
/// never taken over; a schema pinning nothing stays as it was.
/// </summary>
internal sealed partial class UnmappedSubtypeRule : INormalisationRule
{
    public string Name => "subtypes missing from their base's discriminator mapping (mapped by the value they pin)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        // How the document spells its values (wechatpay, currency_account), by their letters and digits.
        var spellings = schemas.Properties()
            .SelectMany(s => (s.Value["discriminator"]?["mapping"] as JObject)?.Properties().Select(e => e.Name) ?? [])
            .GroupBy(Squash, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var baseSchema in schemas.Properties().ToList())
        {
            if (baseSchema.Value["discriminator"] is not JObject discriminator) continue;
            var property = discriminator["propertyName"]?.Value<string>();
            if (string.IsNullOrEmpty(property)) continue;
            if (discriminator["mapping"] is not JObject mapping) discriminator["mapping"] = mapping = new JObject();
            var mapped = new HashSet<string>(
                mapping.Properties().Select(e => Discriminators.Target(e)).OfType<string>(),
                StringComparer.Ordinal);
            var convention = Convention(mapping);
            foreach (var candidate in schemas.Properties().ToList())
            {
                if (candidate.Name == baseSchema.Name || mapped.Contains(candidate.Name) || candidate.Value is not JObject schema) continue;
                if (!Discriminators.Bases(schema).Contains(baseSchema.Name)) continue;
                var value = PinnedValue(schema, property!) ?? convention?.ValueOf(candidate.Name, spellings);
                if (value is null || mapping[value] is not null) continue;
                mapping[value] = Discriminators.Reference(candidate.Name);
                context.Count(Name);
            }
            if (!mapping.HasValues) discriminator.Remove("mapping");
        }
    }

    /// <summary>The single value the schema itself gives the discriminator property, in its own properties or allOf parts.</summary>
    private static string? PinnedValue(JObject schema, string property)
    {
        var parts = new List<JObject> { schema };
        parts.AddRange((schema["allOf"] as JArray)?.OfType<JObject>().Where(p => p["$ref"] is null) ?? []);
        foreach (var part in parts)
        {
            if (part["properties"]?[property] is not JObject declared) continue;
            if (declared["const"] is JValue { Type: JTokenType.String } constant) return constant.Value<string>();
            if (declared["enum"] is JArray { Count: 1 } single && single[0].Type == JTokenType.String) return single[0].Value<string>();
            if (declared["example"] is JValue { Type: JTokenType.String } example) return example.Value<string>();
        }
        return null;
    }

    private static Naming? Convention(JObject mapping)
    {
        var patterns = new Dictionary<(string Prefix, string Suffix), int>();
        foreach (var entry in mapping.Properties())
        {
            var target = Discriminators.Target(entry);
            if (target is null) continue;
            var name = Plain(target);
            var word = Squash(entry.Name);
            var at = word.Length == 0 ? -1 : name.ToLowerInvariant().IndexOf(word, StringComparison.Ordinal);
            if (at < 0) continue;
            var key = (name[..at], name[(at + word.Length)..]);
            patterns[key] = patterns.TryGetValue(key, out var n) ? n + 1 : 1;
        }
        var best = patterns.OrderByDescending(p => p.Value).FirstOrDefault();
        // One match is a coincidence, two siblings named the same way are a convention.
        return best.Value >= 2 && best.Key.Prefix.Length + best.Key.Suffix.Length > 0 ? new Naming(best.Key.Prefix, best.Key.Suffix) : null;
    }

    /// <summary>A schema name without the ordering prefix some documents use (<c>02_PaymentResponseCurrencyAccountSource</c>).</summary>
    private static string Plain(string name) => OrderingPrefix().Replace(name, "");

    private static string Squash(string value) => new(value.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    [GeneratedRegex(@"^\d+_")]
    private static partial Regex OrderingPrefix();

    private sealed record Naming(string Prefix, string Suffix)
    {
        /// <summary>
        /// <c>PaymentResponseCurrencyAccountSource</c> → <c>currency_account</c> when the document spells a value so
        /// elsewhere (<c>wechatpay</c> for <c>WeChatPay</c>), a one-word name in lower case, else null: a several-word
        /// name gives no spelling on its own.
        /// </summary>
        public string? ValueOf(string schemaName, IReadOnlyDictionary<string, string> spellings)
        {
            var name = Plain(schemaName);
            if (name.Length <= Prefix.Length + Suffix.Length || !name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(Suffix, StringComparison.Ordinal)) return null;
            var middle = name[Prefix.Length..^Suffix.Length];
            if (!middle.All(char.IsLetterOrDigit)) return null;
            if (spellings.TryGetValue(Squash(middle), out var spelled)) return spelled;
            return middle.Skip(1).Any(char.IsUpper) ? null : middle.ToLowerInvariant();
        }
    }
}
