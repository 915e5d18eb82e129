using System.Linq;
using Checkout.Generated.Codegen;
using Checkout.Generated.Codegen.Docs;
using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>The spec's HTML and Markdown become XML-doc text.</summary>
[Category("Codegen")]
public class DocTextRuleTests
{
    [TestCase("Add <strong>identification</strong> information.<br><br><b>Note:</b> checks may follow.", "<para>Add identification information.</para><para>Note: checks may follow.</para>")]
    [TestCase("See the <a href=\"https://checkout.com/docs/x\" target=\"_blank\">documentation</a> for more.", "See the <see href=\"https://checkout.com/docs/x\">documentation</see> for more.")]
    [TestCase("As per [RFC6749](https://tools.ietf.org/html/rfc6749#section-4.4.3).", "As per <see href=\"https://tools.ietf.org/html/rfc6749#section-4.4.3\">RFC6749</see>.")]
    [TestCase("First [upload your files](#tag/Disputes/paths/~1files/post) with the uploader.", "First upload your files with the uploader.")]
    [TestCase("Either:<ul><li>a card</li><li>a token</li></ul>Then pay.", "<para>Either:</para><list type=\"bullet\"><item><description>a card</description></item><item><description>a token</description></item></list><para>Then pay.</para>")]
    [TestCase("<span style=\"color: red\">Beta</span><p></p>\nReturns the list.\n", "<para>Beta</para><para>Returns the list.</para>")]
    [TestCase("##  Get started\nUse **sandbox** keys, prefixed `sk_sbox_`.\n* one\n* two", "<para>Get started</para><para>Use sandbox keys, prefixed <c>sk_sbox_</c>.</para><list type=\"bullet\"><item><description>one</description></item><item><description>two</description></item></list>")]
    [TestCase("Amounts &gt; 0 &amp; in <code>minor units</code>&nbsp;only", "Amounts > 0 & in <c>minor units</c> only")]
    [TestCase("Known values: `card`, `token`", "Known values: <c>card</c>, <c>token</c>")]
    [TestCase("Send to https://<prefix>.api.checkout.com", "Send to https://<prefix>.api.checkout.com")]
    [TestCase("Unbalanced <b>bold <a href=\"https://x.test/a?b=1&c=2\">link <code>code", "Unbalanced bold <see href=\"https://x.test/a?b=1&c=2\">link <c>code</c></see>")]
    [TestCase("</li></ul><li>stray</p>", "<list type=\"bullet\"><item><description>stray</description></item></list>")]
    [TestCase("Post this:\n```\n{\n   \"amount\": 6540\n}\n```\nThen wait.", "<para>Post this:</para><para><code>{ \"amount\": 6540 }</code></para><para>Then wait.</para>")]
    [TestCase("Status\n  * `Y` - enrolled\n  * `N` - not enrolled\n", "<para>Status</para><list type=\"bullet\"><item><description><c>Y</c> - enrolled</description></item><item><description><c>N</c> - not enrolled</description></item></list>")]
    public void ToXmlDoc_HtmlAndMarkdown_BecomeXmlDocElements(string markup, string expected)
    {
        Assert.That(XmlDocMarkers.Restore(DocText.ToXmlDoc(markup)), Is.EqualTo(expected));
    }

    [TestCase("Unbalanced <b>bold <a href=\"https://x.test/?q=\\\"\">link <code>code")]
    [TestCase("<ul><li><ul><li>deep</li></ul><p>para in item</p></li></ul></ol></li>tail<br/>")]
    [TestCase("Use `a < b` & <code>x > y</code> [l](https://x.test/?a=<b>&c) **`c`**")]
    [TestCase("<a href=\"https://x.test\"><a href=\"https://y.test\">nested</a></a>")]
    public void ToXmlDoc_AnyMarkup_IsWellFormedOnceEscapedAsNSwagDoes(string markup)
    {
        // NSwag's csharpdocs filter escapes the text (XText); the markers then become elements.
        var escaped = new System.Xml.Linq.XText(DocText.ToXmlDoc(markup)).ToString();
        var xml = "<summary>" + XmlDocMarkers.Restore(escaped) + "</summary>";

        Assert.That(() => System.Xml.Linq.XElement.Parse(xml), Throws.Nothing, xml);
        Assert.That(xml, Does.Not.Contain("<br").And.Not.Contain("`").And.Not.Contain("**"));
    }

    [Test]
    public void GeneratedXmlDocs_ShowNoEscapedHtml()
    {
        var xml = System.IO.Path.ChangeExtension(typeof(CheckoutOperation).Assembly.Location, ".xml");
        var docs = System.IO.File.ReadAllText(xml);
        var escaped = System.Text.RegularExpressions.Regex.Matches(docs, @"&lt;/?(br|a|b|i|p|strong|em|span|ul|ol|li|code|div)\b[^&]*&gt;")
            .Select(m => m.Value).Distinct().ToList();

        Assert.That(docs, Does.Contain("<summary>"), "the documentation file of the library is beside it");
        Assert.That(escaped, Is.Empty);
    }

    [Test]
    public void Normalise_DescriptionsAndSummaries_AreMadeText_ExamplesAreNot()
    {
        var op = Operation("Get <b>details</b>", "getDetails");
        op["description"] = "Line one<br>Line two";
        var document = With(new JObject { ["/d"] = new JObject { ["get"] = op } }, new JObject
        {
            ["Thing"] = new JObject
            {
                ["type"] = "object",
                ["description"] = "A <i>thing</i>",
                ["properties"] = new JObject { ["note"] = new JObject { ["type"] = "string", ["example"] = "<b>kept</b>" } },
                ["example"] = new JObject { ["description"] = "<b>kept</b>" },
            },
        });

        var result = Normaliser.Normalise(document);

        var normalisedOp = result.Document["paths"]!["/d"]!["get"]!;
        var thing = result.Document["components"]!["schemas"]!["Thing"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)normalisedOp["summary"], Is.EqualTo("Get details"));
            Assert.That(XmlDocMarkers.Restore((string?)normalisedOp["description"] ?? ""), Is.EqualTo("<para>Line one</para><para>Line two</para>"));
            Assert.That((string?)thing["description"], Is.EqualTo("A thing"));
            Assert.That((string?)thing["example"]!["description"], Is.EqualTo("<b>kept</b>"));
            Assert.That((string?)thing["properties"]!["note"]!["example"], Is.EqualTo("<b>kept</b>"));
        });
    }
}
