using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.SpecUpdate;

/// <summary>What a caller of one operation depends on, read from a normalised document.</summary>
internal sealed record OperationShape(
    CatalogEntry Entry,
    IReadOnlyDictionary<string, ParameterShape> Parameters,
    string? RequestBody,
    bool RequestBodyRequired,
    IReadOnlyDictionary<string, string> Responses)
{
    /// <summary>Identity across spec releases: host, method and path (operation ids are not stable in Checkout's documents).</summary>
    public string Key => $"{Entry.Host} {Entry.Method} {Entry.Path}";

    /// <summary>The C# method users call, e.g. <c>PaymentsClient.CapturePaymentAsync</c> (NSwag: the tag's client, the id in PascalCase).</summary>
    public string Method => $"{Entry.Tag}Client.{Names.Identifier(Entry.Id)}Async";

    /// <summary>How the report names the operation, e.g. <c>GET /payments</c> or <c>GET files:/files/{file_id}</c>.</summary>
    public string Display => Entry.Host == "api" ? $"{Entry.Method} {Entry.Path}" : $"{Entry.Method} {Entry.Host}:{Entry.Path}";

    /// <summary>Every operation of a normalised document, keyed by <see cref="Key"/>.</summary>
    public static IReadOnlyDictionary<string, OperationShape> ReadAll(NormalisationContext context)
    {
        var entries = CatalogEntry.Read(context);
        var result = new Dictionary<string, OperationShape>(StringComparer.Ordinal);
        var index = 0;
        foreach (var (_, _, op) in context.Operations())
        {
            var shape = Read(context.Document, entries[index++], op);
            result[shape.Key] = shape;
        }
        return result;
    }

    private static OperationShape Read(JObject document, CatalogEntry entry, JObject op)
    {
        var parameters = new SortedDictionary<string, ParameterShape>(StringComparer.Ordinal);
        foreach (var raw in (op["parameters"] as JArray ?? new JArray()).OfType<JObject>())
        {
            var p = OpenApi.Deref(document, raw);
            if (p?["name"]?.Value<string>() is not { } name || p["in"]?.Value<string>() is not { } location) continue;
            var shape = new ParameterShape(name, location, p["required"]?.Value<bool>() == true, Schema(p["schema"]));
            parameters[shape.Key] = shape;
        }
        var body = OpenApi.Deref(document, op["requestBody"]);
        var responses = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var response in (op["responses"] as JObject)?.Properties() ?? [])
        {
            responses[response.Name] = Content(OpenApi.Deref(document, response.Value)) ?? "no body";
        }
        return new OperationShape(entry, parameters, body is null ? null : Content(body) ?? "no body", body?["required"]?.Value<bool>() == true, responses);
    }

    /// <summary>The body's schemas per media type, e.g. <c>application/json: PaymentRequest</c>.</summary>
    private static string? Content(JObject? holder)
    {
        if (holder?["content"] is not JObject content || !content.HasValues) return null;
        return string.Join("; ", content.Properties().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}: {Schema(p.Value["schema"])}"));
    }

    /// <summary>A schema as the generated code sees it: a component name, an array of one, or an inline shape's hash.</summary>
    internal static string Schema(JToken? schema)
    {
        if (schema is not JObject o) return "any";
        if (o["$ref"]?.Value<string>() is { } reference) return reference[(reference.LastIndexOf('/') + 1)..];
        var type = o["type"]?.Value<string>();
        if (type == "array") return $"array of {Schema(o["items"])}";
        if (type is not null && type != "object" && o["enum"] is null)
        {
            return o["format"]?.Value<string>() is { } format ? $"{type} ({format})" : type;
        }
        var canonical = Encoding.UTF8.GetBytes(o.ToString(Formatting.None));
        return $"inline {type ?? "schema"} #{Convert.ToHexString(SHA256.HashData(canonical))[..8].ToLowerInvariant()}";
    }
}
