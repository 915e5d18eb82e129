using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// A discriminator's property must be present for a subtype to be chosen, so it is added to
/// <c>required</c> (and declared as a string property when the schema forgot it).
/// </summary>
internal sealed class DiscriminatorRequiredRule : INormalisationRule
{
    public string Name => "discriminators whose property is not required";

    public void Apply(NormalisationContext context)
    {
        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (node["discriminator"] is not JObject discriminator) continue;
            var property = discriminator["propertyName"]?.Value<string>();
            if (string.IsNullOrEmpty(property))
            {
                context.Fail(pointer + "/discriminator", "a discriminator without propertyName");
                continue;
            }
            if (node["required"] is not JArray required) node["required"] = required = new JArray();
            if (required.Any(r => r.Value<string>() == property)) continue;
            required.Add(property);
            if (node["properties"] is not JObject properties) node["properties"] = properties = new JObject();
            properties[property!] ??= new JObject { ["type"] = "string" };
            context.Count(Name);
        }
    }
}
