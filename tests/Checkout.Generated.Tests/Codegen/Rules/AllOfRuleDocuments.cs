using System.Linq;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>Schemas the <c>allOf</c> rule tests write, and what they read back from a normalised document.</summary>
internal static class AllOfRuleDocuments
{
    public static JObject Schemas(NormalisationContext c) => (JObject)c.Document["components"]!["schemas"]!;

    /// <summary>An object schema with a described string property of each name.</summary>
    public static JObject Object(params string[] properties) => new()
    {
        ["type"] = "object",
        ["properties"] = new JObject(properties.Select(p => new JProperty(p, new JObject { ["type"] = "string", ["description"] = "from " + p }))),
    };

    /// <summary>The <c>$ref</c> of each <c>allOf</c> part (null for an inline part), or none.</summary>
    public static string?[] References(JToken schema) => schema["allOf"]?.Select(p => p["$ref"]?.Value<string>()).ToArray() ?? [];
}
