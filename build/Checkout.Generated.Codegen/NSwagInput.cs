using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen;

/// <summary>
/// The copy of the normalised document that NSwag reads: the same document without its examples, which no generated
/// line depends on (about 40 % of Checkout.com's document; NSwag's read of it is most of the codegen time). The local
/// server reads the examples from <c>checkout.normalised.json</c>, which keeps them.
/// </summary>
internal static class NSwagInput
{
    /// <summary>Keys whose object is a map from names the document chooses (a schema may be called "example").</summary>
    private static readonly HashSet<string> Maps =
    [
        "paths", "schemas", "properties", "patternProperties", "responses", "parameters", "headers", "content", "encoding",
        "requestBodies", "securitySchemes", "callbacks", "links", "mapping", "definitions", "$defs", "dependentSchemas", "webhooks",
    ];

    /// <summary>Keys whose value is data, not document structure.</summary>
    private static readonly HashSet<string> Values = ["enum", "default", "const"];

    public static JObject Of(JObject normalised)
    {
        var copy = (JObject)normalised.DeepClone();
        RemoveExamples(copy);
        return copy;
    }

    private static void RemoveExamples(JToken token)
    {
        switch (token)
        {
            case JObject structure:
                structure.Remove("example");
                structure.Remove("examples");
                foreach (var member in structure.Properties())
                {
                    if (Values.Contains(member.Name) || member.Name.StartsWith("x-", StringComparison.Ordinal)) continue;
                    if (Maps.Contains(member.Name) && member.Value is JObject map)
                    {
                        foreach (var entry in map.Properties()) RemoveExamples(entry.Value);
                    }
                    else
                    {
                        RemoveExamples(member.Value);
                    }
                }
                break;
            case JArray items:
                foreach (var item in items) RemoveExamples(item);
                break;
        }
    }
}
