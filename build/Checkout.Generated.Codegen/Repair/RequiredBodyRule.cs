using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// A JSON or multipart request body whose schema declares required properties (every alternative, for a union) cannot be omitted,
/// yet the document often leaves <c>requestBody.required</c> out (<c>POST /payments</c>): the body is made required,
/// so the generated method takes it as a required parameter instead of <c>body = null</c>.
/// </summary>
internal sealed class RequiredBodyRule : INormalisationRule
{
    public string Name => "request bodies with required properties made required";

    public void Apply(NormalisationContext context)
    {
        foreach (var (_, _, operation) in context.Operations())
        {
            if (OpenApi.Deref(context.Document, operation["requestBody"]) is not { } body || body["required"]?.Value<bool>() == true) continue;
            if (body["content"] is not JObject content) continue;
            var json = content.Properties().FirstOrDefault(p => p.Name.Contains("json", StringComparison.OrdinalIgnoreCase) || p.Name.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase));
            if (json?.Value["schema"] is not JObject schema || !Demands(context.Document, schema)) continue;
            body["required"] = true;
            context.Count(Name);
        }
    }

    private static bool Demands(JObject document, JObject schema, int depth = 0)
    {
        if (depth > 8 || OpenApi.Deref(document, schema) is not { } resolved) return false;
        schema = resolved;
        var alternatives = (schema["oneOf"] ?? schema["anyOf"] ?? schema["x-checkout-one-of"]) as JArray;
        if (alternatives is { Count: > 0 }) return alternatives.All(a => OpenApi.Deref(document, a) is { } alt && Demands(document, alt, depth + 1));
        if (schema["required"] is JArray { Count: > 0 }) return true;
        return schema["allOf"] is JArray parts && parts.Any(p => OpenApi.Deref(document, p) is { } part && Demands(document, part, depth + 1));
    }
}
