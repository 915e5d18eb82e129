namespace Checkout.Generated.Codegen.Docs;

/// <summary>
/// XML-doc elements carried through NSwag's <c>csharpdocs</c> filter, which escapes <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c> in a description: an element's brackets and its attributes' quotes travel as private-use characters
/// and are restored in the generated files after NSwag has run. Text never carries them (they are stripped from the
/// spec's text first), so only elements the doc converter built, always balanced, become markup.
/// </summary>
internal static partial class XmlDocMarkers
{
    private const char Open = '\uE000';
    private const char Close = '\uE001';
    private const char Quote = '\uE002';

    /// <summary><c>&lt;name attributes&gt;content&lt;/name&gt;</c>, with the attribute values given as they are.</summary>
    public static string Element(string name, string content, params (string Name, string Value)[] attributes)
    {
        var attributeText = string.Concat(attributes.Select(a => $" {a.Name}={Quote}{a.Value}{Quote}"));
        return $"{Open}{name}{attributeText}{Close}{content}{Open}/{name}{Close}";
    }

    /// <summary>The text without any marker character (so that a spec's text can never open an element).</summary>
    public static string Strip(string text) => text.IndexOfAny([Open, Close, Quote]) < 0
        ? text
        : text.Replace(Open.ToString(), "").Replace(Close.ToString(), "").Replace(Quote.ToString(), "");

    /// <summary>
    /// Generated code with the markers turned into XML-doc markup. NSwag writes an exception description escaped
    /// (<c>\ue000c\ue001</c>): in a doc comment it becomes markup too; in a string literal (an exception message, where
    /// it is <c>\\ue000…</c>) the element is dropped and its text kept.
    /// </summary>
    public static string Restore(string code)
    {
        code = EscapedInLiteral().Replace(code, "");
        code = code.Replace(@"\ue000", "<").Replace(@"\ue001", ">").Replace(@"\ue002", "\"");
        return code.Replace(Open, '<').Replace(Close, '>').Replace(Quote, '"');
    }

    /// <summary>An element's tag written into a C# string literal: <c>\\ue000</c>, anything but a close marker, <c>\\ue001</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\\\\ue000.*?\\\\ue001", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex EscapedInLiteral();

    /// <summary>Whether a text carries markers (a converted description).</summary>
    public static bool HasMarkup(string text) => text.IndexOf(Open) >= 0;
}
