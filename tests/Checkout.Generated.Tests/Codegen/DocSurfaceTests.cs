using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>
/// The XML docs of the built library as IntelliSense shows them: prose without HTML or Markdown left over, and a
/// summary on every public type and member, generated or handwritten (whatever spec release it was built from).
/// </summary>
[Category("Codegen")]
public class DocSurfaceTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
    private static readonly Assembly Library = typeof(CheckoutOperation).Assembly;
    private static readonly Lazy<XDocument> Docs = new(() => XDocument.Load(Path.ChangeExtension(Library.Location, ".xml")));

    [Test]
    public void XmlDocs_CarryNoHtmlLineBreaksOrMarkdown()
    {
        // What IntelliSense shows of public members: their text (cref and href attributes aside) and elements.
        var members = Docs.Value.Descendants("member").Where(m => !((string?)m.Attribute("name") ?? "").Contains(".Internal.", StringComparison.Ordinal)).ToList();
        var leftovers = new Regex(@"<(/?)(br|a|b|i|p|strong|em|span|ul|ol|li|code|div|table|tr|td|th|h[1-6]|pre)\b[^>]*>|`|\*\*|\]\(https?:", RegexOptions.CultureInvariant);

        var offenders = members
            .SelectMany(m => m.DescendantNodes().OfType<XText>().Select(t => (Id: (string?)m.Attribute("name"), t.Value))
                .Where(t => leftovers.IsMatch(t.Value))
                .Select(t => $"{t.Id}: {leftovers.Match(t.Value).Value}")
                .Concat(m.Descendants("br").Take(1).Select(_ => $"{(string?)m.Attribute("name")}: <br/>")))
            .ToList();

        Assert.That(members, Has.Count.GreaterThan(100), "the documentation file of the library is beside it");
        Assert.That(offenders, Is.Empty, $"{offenders.Count} members show HTML or Markdown: {string.Join(", ", offenders.Take(20))}");
    }

    [Test]
    public void PublicTypesAndMembers_EachHaveASummary()
    {
        var summaries = Docs.Value.Descendants("member")
            .Where(m => m.Element("summary") is { } s && s.Value.Trim().Length > 0 || m.Element("inheritdoc") is not null)
            .Select(m => (string)m.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var methodPrefixes = summaries.Where(id => id.StartsWith("M:", StringComparison.Ordinal)).Select(id => id.Split('(')[0]).ToHashSet(StringComparer.Ordinal);

        var missing = new List<string>();
        foreach (var type in Library.GetExportedTypes())
        {
            var typeId = DocName(type);
            if (!summaries.Contains("T:" + typeId)) missing.Add("T:" + typeId);
            foreach (var member in type.GetMembers(Declared))
            {
                var id = member switch
                {
                    PropertyInfo p => "P:" + typeId + "." + p.Name,
                    FieldInfo f when !f.IsSpecialName => "F:" + typeId + "." + f.Name,
                    MethodInfo m when !m.IsSpecialName && !IsOverrideOfObject(m) => "M:" + typeId + "." + m.Name,
                    _ => null,
                };
                if (id is null) continue;
                var documented = id.StartsWith("M:", StringComparison.Ordinal) ? methodPrefixes.Contains(id) || methodPrefixes.Any(p => p.StartsWith(id + "``", StringComparison.Ordinal)) : summaries.Contains(id);
                if (!documented) missing.Add(id);
            }
        }

        Assert.That(missing, Is.Empty, $"{missing.Count} public types and members have no summary: {string.Join(", ", missing.Take(60))}");
    }

    private static bool IsOverrideOfObject(MethodInfo method) =>
        method.GetBaseDefinition().DeclaringType == typeof(object) || method.DeclaringType?.IsInterface == false && method.IsVirtual && method.GetBaseDefinition() != method;

    /// <summary>The type's name as XML doc ids write it (nested types with dots, generic arity kept).</summary>
    private static string DocName(Type type) => (type.FullName ?? type.Name).Replace('+', '.');
}
