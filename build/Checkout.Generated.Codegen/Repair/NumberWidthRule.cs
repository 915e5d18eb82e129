using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// An <c>integer</c> without a format is generated as a 32-bit <c>int</c>: an amount above 2,147,483,647 minor units
/// (routine in KRW, IDR, VND) can be neither read nor sent. Every integer not declared <c>int32</c> becomes
/// <c>int64</c>. A <c>number</c> is generated as <c>double</c>, which prints <c>1040</c> as <c>1040.0</c> and loses
/// decimal digits: every number becomes <c>decimal</c>, which keeps the digits it read.
/// </summary>
internal sealed class NumberWidthRule : INormalisationRule
{
    public string Name => "integers and numbers whose C# type would not hold what is sent (made long and decimal)";

    public void Apply(NormalisationContext context)
    {
        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (pointer.Contains("/example", StringComparison.Ordinal)) continue;
            var type = node["type"] is JValue { Type: JTokenType.String } t ? t.Value<string>() : null;
            var format = node["format"] is JValue { Type: JTokenType.String } f ? f.Value<string>() : null;
            var wanted = (type, format) switch
            {
                ("integer", "int32" or "int64") => null,
                ("integer", _) => "int64",
                ("number", "decimal") => null,
                ("number", _) => "decimal",
                _ => null,
            };
            if (wanted is null) continue;
            node["format"] = wanted;
            context.Count(Name);
        }
    }
}
