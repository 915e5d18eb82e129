using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Shaping;

/// <summary>
/// Names the members of every union (<c>x-checkout-union</c>, <see cref="Unions"/>) after the alternatives' final type
/// names (<see cref="NamingAuthority.UnionMember"/>), once <see cref="TypeNameRule"/> has named the types:
/// <c>PaymentRequestThreeDs.ThreeDsRequestThirdParty</c>. A repeat is numbered.
/// </summary>
internal sealed class UnionMemberRule : INormalisationRule
{
    public string Name => "union members (named after their alternatives)";

    public void Apply(NormalisationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JObject schemas) return;
        foreach (var component in schemas.Properties())
        {
            if (component.Value is not JObject union || union[Unions.Extension] is null || union["properties"] is not JObject properties) continue;
            var renamed = new JObject();
            var position = 0;
            foreach (var property in properties.Properties())
            {
                position++;
                var alternative = property.Value as JObject;
                var member = NamingAuthority.UnionMember(
                    component.Name,
                    TypeName(alternative),
                    TypeName(alternative?["items"] as JObject),
                    alternative?["type"]?.Value<string>(),
                    position);
                var unique = member;
                for (var i = 2; renamed[unique] is not null; i++) unique = member + i;
                renamed[unique] = property.Value.DeepClone();
            }
            union["properties"] = renamed;
            context.Count(Name);
        }
    }

    private static string? TypeName(JObject? schema) => Discriminators.SchemaName(schema?["$ref"]?.Value<string>()) is { } key ? Names.Identifier(key) : null;
}
