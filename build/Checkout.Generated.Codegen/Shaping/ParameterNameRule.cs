using System.Text;
using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Shaping;

/// <summary>
/// Codegen policy: C# parameter names are camelCase whatever the wire name (<c>dispute_id</c> → <c>disputeId</c>,
/// <c>Cko-Idempotency-Key</c> → <c>ckoIdempotencyKey</c>), given to NSwag as <c>x-originalName</c> (its variable
/// name; the wire name is unchanged); multipart fields get theirs in <c>x-checkout-name</c>. A name the method
/// already uses (<c>body</c>, <c>options</c>, <c>cancellationToken</c>, another parameter) gets the location appended
/// (<c>idQuery</c>). The <c>Cko-Idempotency-Key</c> header becomes a per-call option
/// (<c>x-checkout-request-option</c>): it is set through <c>CheckoutRequestOptions</c>, not a parameter.
/// </summary>
internal sealed class ParameterNameRule : INormalisationRule
{
    private static readonly string[] Reserved = ["body", "options", "cancellationToken"];

    public string Name => "parameter names in camelCase; idempotency key as a per-call option";

    /// <summary><c>pagination_token</c> → <c>paginationToken</c>; a leading digit gets a <c>p</c>.</summary>
    public static string Camel(string name)
    {
        var sb = new StringBuilder();
        var upper = false;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c)) { upper = sb.Length > 0; continue; }
            sb.Append(sb.Length == 0 ? char.ToLowerInvariant(c) : upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (sb.Length == 0) return "value";
        return char.IsDigit(sb[0]) ? "p" + sb : sb.ToString();
    }

    public void Apply(NormalisationContext context)
    {
        foreach (var (path, _, operation) in context.Operations())
        {
            var used = new HashSet<string>(Reserved, StringComparer.Ordinal);
            var pathItem = context.Paths[path] as JObject;
            var parameters = (pathItem?["parameters"] as JArray ?? new JArray()).Concat(operation["parameters"] as JArray ?? new JArray());
            foreach (var parameter in parameters.Select(p => OpenApi.Deref(context.Document, p)).OfType<JObject>())
            {
                var wire = parameter["name"]?.Value<string>();
                var location = parameter["in"]?.Value<string>();
                if (wire is null || location is null) continue;
                if (location == "header" && wire.Equals("Cko-Idempotency-Key", StringComparison.OrdinalIgnoreCase))
                {
                    parameter["x-checkout-request-option"] = "idempotency-key";
                    context.Count(Name);
                    continue;
                }
                var name = Camel(wire);
                if (!used.Add(name)) used.Add(name += Names.Pascal(location));
                // NSwag's own variable name for a name that is already camelCase is that name: nothing to record.
                if (name == wire || parameter["x-originalName"]?.Value<string>() == name) continue;
                parameter["x-originalName"] = name;
                context.Count(Name);
            }
            foreach (var schema in OpenApi.MultipartSchemas(context.Document, operation))
            {
                if (schema["properties"] is not JObject properties) continue;
                foreach (var property in properties.Properties())
                {
                    if (property.Value is not JObject field) continue;
                    var name = Camel(property.Name);
                    if (!used.Add(name)) used.Add(name += "Field");
                    field["x-checkout-name"] = name;
                    context.Count(Name);
                }
            }
        }
    }
}
