using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Repair;

/// <summary>
/// Codegen policy: an operation whose JSON success body carries an <c>upload</c> link relation (a links object,
/// <c>_links</c> or <c>links</c>, with an <c>upload</c> link that has an <c>href</c>) hands out a link the file itself is
/// sent to (Checkout's Platforms upload: a presigned storage URL taking <c>PUT --data-binary</c>). It is marked
/// <c>x-checkout-upload-link</c> (the C# path to the href, <c>Links.Upload.Href</c>) and <c>-json</c> (the JSON path), and
/// gets an overload taking a <c>CheckoutFile</c> that requests the link, then PUTs the bytes there with the file's media
/// type and no credentials. Recognised by shape; no operation is named.
/// </summary>
internal sealed class UploadLinkRule : INormalisationRule
{
    public const string Extension = "x-checkout-upload-link";

    public string Name => "upload links (an overload that sends the file to the link)";

    public void Apply(NormalisationContext context)
    {
        var document = context.Document;
        foreach (var (_, _, operation) in context.Operations())
        {
            if (operation["x-checkout-result"]?.Value<string>() != "body" || Body(document, operation) is not { } body) continue;
            foreach (var links in new[] { "_links", "links" })
            {
                if (Property(document, body, links) is not { } linksSchema || Property(document, linksSchema, "upload") is not { } upload) continue;
                if (Property(document, upload, "href") is null) continue;
                operation[Extension] = $"{Names.Identifier(links)}.Upload.Href";
                operation[Extension + "-json"] = $"{links}.upload.href";
                context.Count(Name);
                break;
            }
        }
    }

    private static JObject? Body(JObject document, JObject operation)
    {
        var success = (operation["responses"] as JObject)?.Properties().FirstOrDefault(r => r.Name.StartsWith('2'));
        var content = OpenApi.Deref(document, success?.Value)?["content"] as JObject;
        return OpenApi.Deref(document, content?.Properties().FirstOrDefault(p => p.Name.Contains("json", StringComparison.OrdinalIgnoreCase))?.Value["schema"]);
    }

    /// <summary>A property's schema, resolved, looking along <c>allOf</c>; null when the schema has no such property.</summary>
    private static JObject? Property(JObject document, JObject schema, string name, int depth = 0)
    {
        if (depth > 8) return null;
        if (schema["properties"]?[name] is JObject own) return OpenApi.Deref(document, own) ?? own;
        return (schema["allOf"] as JArray ?? new JArray()).OfType<JObject>()
            .Select(part => OpenApi.Deref(document, part) is { } resolved ? Property(document, resolved, name, depth + 1) : null)
            .FirstOrDefault(p => p is not null);
    }
}
