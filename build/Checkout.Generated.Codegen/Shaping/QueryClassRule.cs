using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Shaping;

/// <summary>
/// Codegen policy: a method with more than <see cref="NamingAuthority.MaxOptionalParameters"/> optional positional
/// parameters (optional query and header parameters, an optional body, optional form fields) takes its optional
/// query parameters as one generated class instead (<c>GetDisputesAsync(GetDisputesQuery? query = null, …)</c>, as
/// stripe's <c>ListOptions</c>); path and required parameters stay positional. The operation is marked
/// <c>x-checkout-query-class</c> (the class name, <see cref="NamingAuthority.QueryClass"/>, free among the type names)
/// and <c>x-checkout-query-parameter</c>; the templates write the class, the method and its paging enumerator.
/// Runs after <see cref="ParameterNameRule"/> and <see cref="TypeNameRule"/>.
/// </summary>
internal sealed class QueryClassRule : INormalisationRule
{
    public const string ClassExtension = "x-checkout-query-class";
    public const string ParameterExtension = "x-checkout-query-parameter";

    public string Name => "query classes for methods with many optional parameters";

    public void Apply(NormalisationContext context)
    {
        var taken = TakenTypeNames(context.Document);
        foreach (var (path, _, operation) in context.Operations())
        {
            var pathItem = context.Paths[path] as JObject;
            var parameters = (pathItem?["parameters"] as JArray ?? new JArray()).Concat(operation["parameters"] as JArray ?? new JArray())
                .Select(p => OpenApi.Deref(context.Document, p)).OfType<JObject>()
                .Where(p => p["x-checkout-request-option"] is null).ToList();
            bool Optional(JObject p) => p["required"]?.Value<bool>() != true && p["in"]?.Value<string>() is "query" or "header";
            var optionalQuery = parameters.Count(p => Optional(p) && p["in"]?.Value<string>() == "query");
            var optional = parameters.Count(Optional) + OptionalBodyParts(context.Document, operation);
            if (optional <= NamingAuthority.MaxOptionalParameters || optionalQuery < 2) continue;

            var wanted = NamingAuthority.QueryClass(operation["operationId"]?.Value<string>() ?? "Operation");
            var name = wanted;
            for (var i = 2; taken.Contains(name); i++) name = wanted + i;
            taken.Add(name);
            operation[ClassExtension] = name;
            var names = parameters.Select(p => p["x-originalName"]?.Value<string>() ?? p["name"]?.Value<string>() ?? "").ToList();
            operation[ParameterExtension] = NamingAuthority.QueryParameter(names);
            context.Count(Name);
        }
    }

    /// <summary>An optional JSON body counts one; optional multipart fields count one each.</summary>
    private static int OptionalBodyParts(JObject document, JObject operation)
    {
        if (OpenApi.Deref(document, operation["requestBody"]) is not { } body) return 0;
        var multipart = OpenApi.MultipartSchemas(document, operation).ToList();
        if (multipart.Count == 0) return body["required"]?.Value<bool>() == true ? 0 : 1;
        return multipart.Sum(s => (s["properties"] as JObject)?.Properties().Count(p => p.Value["x-checkout-required"] is null
            && (s["required"] as JArray)?.Any(r => r.Value<string>() == p.Name) != true) ?? 0);
    }

    /// <summary>Every type name decided so far: component schemas (value types included), result classes (case-insensitively).</summary>
    private static HashSet<string> TakenTypeNames(JObject document)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var schema in (document["components"]?["schemas"] as JObject)?.Properties() ?? []) taken.Add(schema.Name);
        foreach (var (_, node) in OpenApi.Objects(document))
        {
            if (node["x-checkout-result-type"] is JValue { Type: JTokenType.String } value) taken.Add(value.Value<string>()!);
        }
        return taken;
    }
}
