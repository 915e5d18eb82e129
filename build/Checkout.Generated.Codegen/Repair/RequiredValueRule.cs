using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// A required field of a value type (<c>amount</c>, <c>capture</c>, <c>expiry_month</c>) is generated as <c>long</c> or
/// <c>bool</c>, so a request the caller did not fill in would send <c>0</c> or <c>false</c>. Such a field is made
/// nullable: it stays required (and documented so) but is sent only when set. Runs after
/// <see cref="ResponseRequiredRule"/>, so the <c>required</c> lists left belong to request-only schemas.
/// </summary>
internal sealed class RequiredValueRule : INormalisationRule
{
    private static readonly HashSet<string> ValueFormats = new(StringComparer.Ordinal) { "date-time", "date", "time", "duration", "time-span", "uuid", "guid" };

    public string Name => "required request fields of a value type (made nullable: an unset one is not sent as 0 or false)";

    public void Apply(NormalisationContext context)
    {
        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (node["required"] is not JArray required || node["properties"] is not JObject properties) continue;
            if (pointer.Contains("/example", StringComparison.Ordinal)) continue;
            foreach (var name in required.Where(r => r.Type == JTokenType.String).Select(r => r.Value<string>()!))
            {
                if (properties[name] is not JObject property || property["nullable"] is not null) continue;
                // A reference to a primitive (ExpiryMonth: integer) is replaced by a copy: a primitive has no identity.
                var target = property["$ref"] is not null ? OpenApi.Deref(context.Document, property) : property;
                if (target is null || target["properties"] is not null || !IsValueType(target)) continue;
                if (!ReferenceEquals(target, property))
                {
                    var copy = (JObject)target.DeepClone();
                    if (property["description"] is { } description) copy["description"] = description;
                    properties[name] = property = copy;
                }
                property["nullable"] = true;
                context.Count(Name);
            }
        }
    }

    private static bool IsValueType(JObject schema) => ((schema["type"] as JValue)?.Value as string) switch
    {
        "boolean" or "integer" or "number" => true,
        "string" => schema["format"] is JValue { Value: string format } && ValueFormats.Contains(format),
        _ => false,
    };
}
