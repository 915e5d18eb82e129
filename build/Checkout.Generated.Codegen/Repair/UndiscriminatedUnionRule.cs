using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// Codegen policy: a request or response body that is a <c>oneOf</c>/<c>anyOf</c> without discriminator cannot be
/// one C# type, and generators silently keep only the first alternative (so a payout could not be sent through
/// <c>POST /payments</c>). Such a body becomes a union schema in <c>components/schemas</c>
/// (<c>{Operation}Request</c> / <c>{Operation}Response</c>, marked <c>x-checkout-union</c>, <see cref="Unions"/>) with
/// one property per alternative (named after it in the shaping phase): the generated class converts implicitly from each alternative, writes the one it
/// holds, and reads a response into the alternative whose JSON type (object, array, …) matches. A response whose
/// alternatives are all objects keeps its first alternative (the others' fields survive in <c>AdditionalProperties</c>).
/// The alternatives are listed in the description and in <c>x-checkout-one-of</c>.
/// </summary>
internal sealed class UndiscriminatedUnionRule : INormalisationRule
{
    public string Name => "bodies that are a oneOf/anyOf without discriminator";

    public void Apply(NormalisationContext context)
    {
        foreach (var (path, method, operation) in context.Operations())
        {
            var id = Names.Identifier(operation["operationId"]?.Value<string>() ?? "Operation");
            var owner = Origin.Operation(path, method);
            if (OpenApi.Deref(context.Document, operation["requestBody"]) is { } body) Rewrite(context, body, id, owner, "Request", request: true);
            if (operation["responses"] is not JObject responses) continue;
            foreach (var response in responses.Properties())
            {
                if (OpenApi.Deref(context.Document, response.Value) is { } resolved) Rewrite(context, resolved, id, owner, "Response", request: false);
            }
        }
    }

    private void Rewrite(NormalisationContext context, JObject body, string id, string owner, string role, bool request)
    {
        if (body["content"] is not JObject content) return;
        foreach (var media in content.Properties().Select(p => p.Value).OfType<JObject>())
        {
            if (media["schema"] is not JObject schema || Unions.Alternatives(schema) is not { } alternatives) continue;

            var names = alternatives.Select(Unions.Label).ToList();
            var kinds = alternatives.Select(a => JsonKind(context.Document, a)).Distinct().ToList();
            var description = (request ? "Any one of: " : "One of: ") + string.Join(", ", names) + ".";
            if (!request && kinds.Count == 1 && kinds[0] == "object")
            {
                var first = (JObject)alternatives[0].DeepClone();
                first["x-checkout-one-of"] = new JArray(alternatives.Select(a => a.DeepClone()));
                first["description"] = description.TrimEnd('.') + " (typed as the first; the others' fields are kept in AdditionalProperties).";
                media["schema"] = first;
            }
            else
            {
                media["schema"] = Unions.Add(context.Document, id + role, alternatives, description);
                Origin.Mark((JObject)OpenApi.Deref(context.Document, media["schema"])!, owner, role);
            }
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
