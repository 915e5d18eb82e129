using System.Net;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.Rules;

/// <summary>
/// Codegen policy: descriptions and summaries are written for an HTML reference site (HTML and Markdown), but XML
/// docs escape markup, so IntelliSense showed <c>&amp;lt;br&amp;gt;&amp;lt;b&amp;gt;Note&amp;lt;/b&amp;gt;</c>. They become plain text
/// that reads well: line breaks and paragraphs as lines (the generator turns each into a <c>&lt;br/&gt;</c>), list
/// items as <c>- item</c>, links as <c>text (url)</c> (links within the reference site keep their text), emphasis
/// and headings as their words, entities decoded; code keeps its backticks.
/// </summary>
internal sealed class DocTextRule : INormalisationRule
{
    private static readonly Regex Tag = new(@"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*?)(/?)>", RegexOptions.CultureInvariant);
    private static readonly Regex Href = new(@"href\s*=\s*[""']([^""']*)[""']", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex MarkdownLink = new(@"\[([^\]\n]+)\]\(([^)\s]+)\)", RegexOptions.CultureInvariant);
    private static readonly Regex Bold = new(@"\*\*(.+?)\*\*|__(.+?)__", RegexOptions.CultureInvariant);
    private static readonly Regex Heading = new(@"^[ \t]*#{1,6}[ \t]+", RegexOptions.CultureInvariant | RegexOptions.Multiline);
    private static readonly Regex Bullet = new(@"^[ \t]*[*+][ \t]+", RegexOptions.CultureInvariant | RegexOptions.Multiline);
    private static readonly Regex BlankLines = new(@"\n[ \t]*(\n[ \t]*)+", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> Inline = new(StringComparer.Ordinal) { "b", "i", "em", "strong", "u", "span", "small", "sup", "sub", "pre", "thead", "tbody", "hr", "img", "font" };
    private static readonly Regex Spaces = new(@"[ \t]+", RegexOptions.CultureInvariant);

    public string Name => "descriptions with HTML or Markdown (made plain text)";

    public void Apply(NormalisationContext context)
    {
        foreach (var (pointer, node) in OpenApi.Objects(context.Document).ToList())
        {
            if (pointer.Contains("/example", StringComparison.Ordinal)) continue;
            foreach (var key in new[] { "description", "summary" })
            {
                if (node[key] is not JValue { Type: JTokenType.String } value) continue;
                var text = value.Value<string>()!;
                var plain = ToText(text);
                if (plain == text) continue;
                value.Value = plain;
                context.Count(Name);
            }
        }
    }

    /// <summary>The text of an HTML/Markdown fragment, as lines.</summary>
    internal static string ToText(string markup)
    {
        var text = markup.Replace("\r\n", "\n");
        text = Tag.Replace(text, m =>
        {
            var closing = m.Groups[1].Value == "/";
            var name = m.Groups[2].Value.ToLowerInvariant();
            return name switch
            {
                "br" => "\n",
                "p" or "div" or "ul" or "ol" or "table" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => "\n\n",
                "li" => closing ? "" : "\n- ",
                "tr" => closing ? "" : "\n",
                "td" or "th" => closing ? " " : "",
                "a" when !closing && Href.Match(m.Groups[3].Value) is { Success: true } href && IsAbsolute(href.Groups[1].Value) => "\u0001" + href.Groups[1].Value + "\u0002",
                "a" => closing ? "\u0003" : "\u0004",
                "code" => "`",
                _ when Inline.Contains(name) => "",
                _ => m.Value, // not HTML (a placeholder such as <prefix>): kept as written
            };
        });
        // <a href="u">text</a> → text (u); a link without an absolute URL keeps its text.
        text = Regex.Replace(text, "\u0001([^\u0002]*)\u0002([^\u0003]*)\u0003", m => LinkText(m.Groups[2].Value, m.Groups[1].Value));
        text = text.Replace("\u0004", "").Replace("\u0003", "").Replace("\u0001", "").Replace("\u0002", "");
        text = MarkdownLink.Replace(text, m => IsAbsolute(m.Groups[2].Value) ? LinkText(m.Groups[1].Value, m.Groups[2].Value) : m.Groups[1].Value);
        text = Bold.Replace(text, m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        text = Heading.Replace(text, "");
        text = Bullet.Replace(text, "- ");
        text = WebUtility.HtmlDecode(text).Replace('\u00a0', ' ');
        text = string.Join("\n", text.Split('\n').Select(l => Spaces.Replace(l, " ").Trim()));
        return BlankLines.Replace(text, "\n\n").Trim();
    }

    private static string LinkText(string text, string url)
    {
        var label = text.Trim();
        return label.Length == 0 || label == url ? url : $"{label} ({url})";
    }

    private static bool IsAbsolute(string url) => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
