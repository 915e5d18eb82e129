using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Checkout.Generated.Codegen.Docs;

/// <summary>
/// Converts a spec description (written for an HTML reference site: HTML and Markdown, often unbalanced) into
/// XML-doc content: paragraphs as <c>para</c>, bullet lists as <c>list</c>, code as <c>c</c>, absolute links as
/// <c>see href</c>, emphasis and headings as their words, entities decoded. The result is one line whose elements are
/// <see cref="XmlDocMarkers"/> (always balanced) and whose text is plain, so no description can break the build.
/// </summary>
internal static class DocText
{
    private static readonly Regex Tag = new(@"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*?)(/?)>", RegexOptions.CultureInvariant);
    private static readonly Regex Href = new(@"href\s*=\s*[""']([^""']*)[""']", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex Inline = new(@"`([^`\n]+)`|\[([^\]\n]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|__(.+?)__", RegexOptions.CultureInvariant);
    private static readonly Regex BulletLine = new(@"^[ \t]*(?:[-*+]|\d{1,2}[.)])[ \t]+", RegexOptions.CultureInvariant);
    private static readonly Regex HeadingLine = new(@"^[ \t]*#{1,6}[ \t]+", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "b", "i", "em", "strong", "u", "span", "small", "sup", "sub", "thead", "tbody", "img", "font", "hr", "th", "td", "dl", "dt", "dd", "blockquote", "caption", "mark", "del", "ins", "s", "strike", "abbr", "label", "section", "article", "figure", "figcaption", "colgroup", "col", "tfoot", "nav" };
    private static readonly HashSet<string> Breaks = new(StringComparer.Ordinal) { "p", "div", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre" };

    /// <summary>The XML-doc content (with markers) of an HTML/Markdown description.</summary>
    public static string ToXmlDoc(string markup)
    {
        var source = XmlDocMarkers.Strip(markup.Replace("\r\n", "\n").Replace('\r', '\n'));
        var blocks = new DocBlocks();
        var code = (StringBuilder?)null;  // inside <code>: raw text
        var link = (Url: "", Text: new StringBuilder(), Active: false);
        var fence = (StringBuilder?)null; // inside a Markdown ``` block: raw text, one <code> block
        var listDepth = 0;
        var position = 0;
        foreach (Match tag in Tag.Matches(source))
        {
            var name = tag.Groups[2].Value.ToLowerInvariant();
            var closing = tag.Groups[1].Value == "/";
            if (!IsHtml(name)) continue; // a placeholder such as <prefix> stays text
            Text(source[position..tag.Index]);
            position = tag.Index + tag.Length;
            if (name == "code")
            {
                if (!closing && code is null) code = new StringBuilder();
                else if (closing && code is not null) { Emit(Code(code.ToString())); code = null; }
                continue;
            }
            if (code is not null) { if (name == "br") code.Append(' '); continue; }
            if (name == "a")
            {
                if (!closing && Href.Match(tag.Groups[3].Value) is { Success: true } href && IsAbsolute(href.Groups[1].Value))
                    link = (href.Groups[1].Value, new StringBuilder(), true);
                else if (closing && link.Active)
                {
                    link.Active = false;
                    Emit(Link(link.Text.ToString(), link.Url));
                }
                continue;
            }
            EndLink();
            if (name is "ul" or "ol")
            {
                listDepth = Math.Max(0, listDepth + (closing ? -1 : 1));
                if (listDepth == (closing ? 0 : 1)) blocks.Paragraph();
            }
            else if (name == "li") { if (!closing) blocks.Item(); }
            else if (listDepth > 0 && blocks.InList) blocks.Current.Append(' ');
            else if (name == "br" || Breaks.Contains(name)) blocks.Paragraph();
        }
        Text(source[position..]);
        if (fence is not null) EndFence();
        if (code is not null) Emit(Code(code.ToString()));
        EndLink();
        return blocks.Render();

        void Emit(string content)
        {
            if (link.Active) link.Text.Append(content);
            else blocks.Current.Append(content);
        }

        void EndFence()
        {
            var block = string.Join(" ", fence!.ToString().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            fence = null;
            blocks.Paragraph();
            if (block.Length > 0) blocks.Current.Append(XmlDocMarkers.Element("code", block));
            blocks.Paragraph();
        }

        void EndLink()
        {
            if (!link.Active) return;
            link.Active = false;
            blocks.Current.Append(Link(link.Text.ToString(), link.Url));
        }

        void Text(string text)
        {
            if (text.Length == 0) return;
            text = WebUtility.HtmlDecode(text).Replace('\u00a0', ' ');
            if (code is not null) { code.Append(text); return; }
            if (link.Active) { link.Text.Append(InlineMarkdown(text.Replace('\n', ' '))); return; }
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    if (fence is null) fence = new StringBuilder();
                    else EndFence();
                    continue;
                }
                if (fence is not null) { fence.Append(line).Append(' '); continue; }
                if (i > 0)
                {
                    if (BulletLine.IsMatch(line)) { blocks.Item(); line = BulletLine.Replace(line, ""); }
                    else if (line.Trim().Length == 0 || !blocks.InList || !char.IsWhiteSpace(line.FirstOrDefault())) blocks.Paragraph();
                    else blocks.Current.Append(' ');
                }
                else if (BulletLine.IsMatch(line) && blocks.Current.ToString().Trim().Length == 0)
                {
                    blocks.Item();
                    line = BulletLine.Replace(line, "");
                }
                blocks.Current.Append(InlineMarkdown(HeadingLine.Replace(line, "")));
            }
        }
    }

    /// <summary>The words of a Markdown line: code spans, links, bold.</summary>
    private static string InlineMarkdown(string text) => Inline.Replace(text, m =>
        m.Groups[1].Success ? Code(m.Groups[1].Value)
        : m.Groups[2].Success ? Link(m.Groups[2].Value, m.Groups[3].Value)
        : InlineMarkdown(m.Groups[4].Success ? m.Groups[4].Value : m.Groups[5].Value));

    private static string Code(string text)
    {
        var trimmed = text.Replace('\n', ' ').Trim();
        return trimmed.Length == 0 ? "" : XmlDocMarkers.Element("c", trimmed);
    }

    /// <summary>An absolute link as <c>see href</c>; a link within the reference site keeps its text only.</summary>
    private static string Link(string text, string url)
    {
        if (!IsAbsolute(url)) return text;
        var safeUrl = url.Replace("\"", "%22");
        return text.Trim().Length == 0 || text.Trim() == url
            ? XmlDocMarkers.Element("see", "", ("href", safeUrl))
            : XmlDocMarkers.Element("see", text.Trim(), ("href", safeUrl));
    }

    private static bool IsHtml(string name) => name is "a" or "br" or "li" or "code" || Breaks.Contains(name) || Ignored.Contains(name);

    private static bool IsAbsolute(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
