using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;
using System.Text.RegularExpressions;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// A multipart field that carries a file, by OpenAPI (<c>format: binary</c>) or by the document's own convention (a
/// <c>string</c> whose example or description is a curl file reference, <c>file=@/path/receipt.png;type=image/png</c>),
/// is marked <c>x-checkout-file</c>: the generated method takes a <c>CheckoutFile</c> (content, file name, media type)
/// and sends its bytes; without the mark the path string went on the wire as text. <c>format: binary</c> is removed
/// so that NSwag does not add its own file types to the public API. A field the schema lists in <c>required</c> is
/// marked <c>x-checkout-required</c> and listed in the operation's <c>x-checkout-required-fields</c> (NSwag makes every
/// multipart field optional, and shows templates a referenced field's target, not the field: they read the list), so it
/// is a required parameter.
/// </summary>
internal sealed partial class MultipartFileRule : INormalisationRule
{
    /// <summary>On an operation: the JSON names of its required multipart fields.</summary>
    public const string RequiredFieldsExtension = "x-checkout-required-fields";

    public string Name => "multipart fields that carry a file (format: binary or a curl @file example)";

    public void Apply(NormalisationContext context)
    {
        foreach (var (_, _, operation) in context.Operations())
        {
            foreach (var schema in OpenApi.MultipartSchemas(context.Document, operation))
            {
                if (schema["properties"] is not JObject properties) continue;
                var required = (schema["required"] as JArray)?.Select(r => r.Value<string>()).ToHashSet() ?? [];
                foreach (var property in properties.Properties())
                {
                    if (property.Value is not JObject field) continue;
                    if (required.Contains(property.Name) && field["x-checkout-required"] is null)
                    {
                        field["x-checkout-required"] = true;
                        if (operation[RequiredFieldsExtension] is not JArray names) operation[RequiredFieldsExtension] = names = [];
                        names.Add(property.Name);
                        context.Count(Name);
                    }
                    if (field["x-checkout-file"] is not null || !CarriesFile(field)) continue;
                    field["x-checkout-file"] = true;
                    field["type"] = "string";
                    field.Remove("format");
                    context.Count(Name);
                }
            }
        }
    }

    private static bool CarriesFile(JObject field)
    {
        if (field["format"]?.Value<string>() is "binary") return true;
        if (field["type"]?.Value<string>() is not (null or "string")) return false;
        return CurlFile().IsMatch(field["example"]?.ToString() ?? "") || CurlFile().IsMatch(field["description"]?.Value<string>() ?? "");
    }

    /// <summary>curl's form file syntax: <c>@path</c>, alone or after <c>name=</c>.</summary>
    [GeneratedRegex(@"(^|[=\s])@[^\s@]+", RegexOptions.CultureInvariant)]
    private static partial Regex CurlFile();
}
