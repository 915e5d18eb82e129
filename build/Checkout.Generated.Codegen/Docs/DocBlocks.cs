using System.Text;

namespace Checkout.Generated.Codegen.Docs;

/// <summary>
/// The block structure of a description while it is converted: paragraphs and bullet lists of inline XML-doc text.
/// Whatever order the markup opened and closed things in, what is rendered is balanced.
/// </summary>
internal sealed class DocBlocks
{
    private readonly List<List<StringBuilder>> _blocks = []; // a paragraph is one part; a list, one part per item
    private readonly List<bool> _isList = [];

    /// <summary>Where inline text goes now: the current paragraph or list item.</summary>
    public StringBuilder Current
    {
        get
        {
            if (_blocks.Count == 0) Paragraph();
            return _blocks[^1][^1];
        }
    }

    /// <summary>Starts a new paragraph (ends a list).</summary>
    public void Paragraph()
    {
        if (_blocks.Count > 0 && !_isList[^1] && IsBlank(_blocks[^1][0])) return;
        _blocks.Add([new StringBuilder()]);
        _isList.Add(false);
    }

    /// <summary>Starts a new bullet item (and a list when not in one).</summary>
    public void Item()
    {
        if (_blocks.Count > 0 && _isList[^1])
        {
            if (!IsBlank(_blocks[^1][^1])) _blocks[^1].Add(new StringBuilder());
            return;
        }
        _blocks.Add([new StringBuilder()]);
        _isList.Add(true);
    }

    /// <summary>Whether the current block is a list.</summary>
    public bool InList => _blocks.Count > 0 && _isList[^1];

    /// <summary>One paragraph renders as its text; several as <c>para</c> elements; lists as bullet lists.</summary>
    public string Render()
    {
        var rendered = new List<(string Text, bool IsList)>();
        for (var i = 0; i < _blocks.Count; i++)
        {
            var parts = _blocks[i].Select(Tidy).Where(p => p.Length > 0).ToList();
            if (parts.Count == 0) continue;
            rendered.Add(_isList[i]
                ? (XmlDocMarkers.Element("list", string.Concat(parts.Select(p => XmlDocMarkers.Element("item", XmlDocMarkers.Element("description", p)))), ("type", "bullet")), true)
                : (parts[0], false));
        }
        if (rendered is [{ IsList: false } single]) return single.Text;
        return string.Concat(rendered.Select(b => b.IsList ? b.Text : XmlDocMarkers.Element("para", b.Text)));
    }

    private static bool IsBlank(StringBuilder text) => text.ToString().Trim().Length == 0;

    private static string Tidy(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text.ToString())
        {
            var space = char.IsWhiteSpace(c);
            if (space && (result.Length == 0 || result[^1] == ' ')) continue;
            result.Append(space ? ' ' : c);
        }
        return result.ToString().TrimEnd();
    }
}
