using System.Linq;
using Checkout.Generated.Codegen;
using Checkout.Generated.Codegen.Rules;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>The spec's HTML and Markdown become XML-doc text.</summary>
[Category("Codegen")]
public class DocTextRuleTests
{
    [TestCase("Add <strong>identification</strong> information.<br><br><b>Note:</b> checks may follow.", "Add identification information.\n\nNote: checks may follow.")]
    [TestCase("See the <a href=\"https://checkout.com/docs/x\" target=\"_blank\">documentation</a> for more.", "See the documentation (https://checkout.com/docs/x) for more.")]
    [TestCase("As per [RFC6749](https://tools.ietf.org/html/rfc6749#section-4.4.3).", "As per RFC6749 (https://tools.ietf.org/html/rfc6749#section-4.4.3).")]
    [TestCase("First [upload your files](#tag/Disputes/paths/~1files/post) with the uploader.", "First upload your files with the uploader.")]
    [TestCase("Either:<ul><li>a card</li><li>a token</li></ul>Then pay.", "Either:\n\n- a card\n- a token\n\nThen pay.")]
    [TestCase("<span style=\"color: red\">Beta</span><p></p>\nReturns the list.\n", "Beta\n\nReturns the list.")]
    [TestCase("##  Get started\nUse **sandbox** keys, prefixed `sk_sbox_`.\n* one\n* two", "Get started\nUse sandbox keys, prefixed `sk_sbox_`.\n- one\n- two")]
    [TestCase("Amounts &gt; 0 &amp; in <code>minor units</code>&nbsp;only", "Amounts > 0 & in `minor units` only")]
    [TestCase("Known values: `card`, `token`", "Known values: `card`, `token`")]
    [TestCase("Send to https://<prefix>.api.checkout.com", "Send to https://<prefix>.api.checkout.com")]
    public void ToText_HtmlAndMarkdown_BecomeReadableLines(string markup, string expected)
    {
        Assert.That(DocTextRule.ToText(markup), Is.EqualTo(expected));
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
            Assert.That((string?)normalisedOp["description"], Is.EqualTo("Line one\nLine two"));
            Assert.That((string?)thing["description"], Is.EqualTo("A thing"));
            Assert.That((string?)thing["example"]!["description"], Is.EqualTo("<b>kept</b>"));
            Assert.That((string?)thing["properties"]!["note"]!["example"], Is.EqualTo("<b>kept</b>"));
        });
    }
}
