using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Rules;

/// <summary>
/// Codegen policy: a request or response body that is a <c>oneOf</c>/<c>anyOf</c> without a discriminator cannot be
/// one C# type, and generators silently keep only the first alternative (so a payout could not be sent through
/// <c>POST /payments</c>). Such a request body becomes untyped (<c>object</c>: pass any alternative's model); a
/// response body keeps its first alternative when every alternative is an object (fields of the others survive in
/// <c>AdditionalProperties</c>) and becomes untyped when the alternatives differ in JSON type (array or object).
/// The alternatives are listed in the description and in <c>x-checkout-one-of</c>.
/// </summary>
internal sealed class UndiscriminatedUnionRule : INormalisationRule
{
    public string Name => "bodies that are a oneOf/anyOf without discriminator";

    public void Apply(NormalisationContext context)
    {
        foreach (var (_, _, operation) in context.Operations())
        {
            if (OpenApi.Deref(context.Document, operation["requestBody"]) is { } body) Rewrite(context, body, request: true);
            if (operation["responses"] is not JObject responses) continue;
            foreach (var response in responses.Properties())
            {
                if (OpenApi.Deref(context.Document, response.Value) is { } resolved) Rewrite(context, resolved, request: false);
            }
        }
    }

    private void Rewrite(NormalisationContext context, JObject body, bool request)
    {
        if (body["content"] is not JObject content) return;
        foreach (var media in content.Properties().Select(p => p.Value).OfType<JObject>())
        {
            if (media["schema"] is not JObject schema || schema["discriminator"] is not null) continue;
            var alternatives = (schema["oneOf"] ?? schema["anyOf"]) as JArray;
            if (alternatives is null || alternatives.Count < 2) continue;

            var names = alternatives.Select(a => a["$ref"]?.Value<string>()?.Split('/')[^1] is { } name ? Names.Identifier(name) : "an inline schema").ToList();
            var kinds = alternatives.Select(a => JsonKind(context.Document, a)).Distinct().ToList();
            JObject replacement = !request && kinds.Count == 1 && kinds[0] == "object"
                ? (JObject)alternatives[0].DeepClone()
                : new JObject();
            replacement["x-checkout-one-of"] = new JArray(alternatives.Select(a => a.DeepClone()));
            replacement["description"] = (request ? "Any one of: " : "One of: ") + string.Join(", ", names) +
                (replacement.Count > 2 || replacement["$ref"] is not null ? " (typed as the first; the others' fields are kept in AdditionalProperties)." : ".");
            media["schema"] = replacement;
            // The body parameter's XML doc comes from the request body's description: name the accepted models there.
            if (request)
            {
                var accepted = "Any one of: " + string.Join(", ", names) + ".";
                var existing = body["description"]?.Value<string>();
                if (existing?.Contains(accepted) != true) body["description"] = string.IsNullOrWhiteSpace(existing) ? accepted : existing!.TrimEnd() + " " + accepted;
            }
            context.Count(Name);
        }
    }

    /// <summary>The JSON type an alternative stands for: <c>array</c>, <c>object</c> or a primitive type name.</summary>
    private static string JsonKind(JObject document, JToken alternative)
    {
        var schema = OpenApi.Deref(document, alternative);
        for (var depth = 0; schema is not null && depth < 8; depth++)
        {
            if (schema["type"]?.Value<string>() is { } type) return type;
            if (schema["items"] is not null) return "array";
            if (schema["properties"] is not null || schema["allOf"] is not null) return "object";
            schema = OpenApi.Deref(document, schema["$ref"] is null ? null : schema);
            if (schema?["$ref"] is null) break;
        }
        return "object";
    }
}
