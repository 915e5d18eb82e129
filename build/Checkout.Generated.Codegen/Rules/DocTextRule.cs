using Checkout.Generated.Codegen.Docs;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Rules;

/// <summary>
/// Codegen policy: descriptions and summaries are written for an HTML reference site (HTML and Markdown, not always
/// well formed), but they become XML docs. Each is converted to XML-doc content (<see cref="DocText"/>): paragraphs,
/// bullet lists, code, links as elements, the rest plain text, so IntelliSense shows prose and a broken description
/// can never break the build. Examples are left as they are.
/// </summary>
internal sealed class DocTextRule : INormalisationRule
{
    public string Name => "descriptions with HTML or Markdown (made XML-doc content)";

    public void Apply(NormalisationContext context)
    {
        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (pointer.Contains("/example", StringComparison.Ordinal)) continue;
            foreach (var key in new[] { "description", "summary" })
            {
                if (node[key] is not JValue { Type: JTokenType.String } value) continue;
                var text = value.Value<string>()!;
                var doc = DocText.ToXmlDoc(text);
                if (doc == text) continue;
                value.Value = doc;
                context.Count(Name);
            }
        }
    }
}
