namespace Checkout.Generated.Codegen.Docs;

/// <summary>
/// XML-doc elements carried through NSwag's <c>csharpdocs</c> filter, which escapes <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c> in a description: an element's brackets and its attributes' quotes travel as private-use characters
/// and are restored in the generated files after NSwag has run. Text never carries them (they are stripped from the
/// spec's text first), so only elements the doc converter built, always balanced, become markup.
/// </summary>
internal static class XmlDocMarkers
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

    /// <summary>Generated code with the markers turned into XML-doc markup.</summary>
    public static string Restore(string code) => code.Replace(Open, '<').Replace(Close, '>').Replace(Quote, '"');

    /// <summary>Whether a text carries markers (a converted description).</summary>
    public static bool HasMarkup(string text) => text.IndexOf(Open) >= 0;
}
