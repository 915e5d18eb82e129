using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace Checkout.Generated.Tests.Package;

/// <summary>A .nupkg opened as the zip it is: its entries and its nuspec.</summary>
internal sealed class NuGetPackage
{
    private NuGetPackage(IReadOnlyList<string> entries, XElement metadata, IReadOnlyDictionary<string, byte[]> files)
    {
        Entries = entries;
        Metadata = metadata;
        Files = files;
    }

    public IReadOnlyList<string> Entries { get; }

    /// <summary>The nuspec's &lt;metadata&gt; element.</summary>
    public XElement Metadata { get; }

    private IReadOnlyDictionary<string, byte[]> Files { get; }

    public static NuGetPackage Open(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) || e.FullName == "README.md"))
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[entry.FullName] = copy.ToArray();
        }
        var nuspec = XDocument.Load(new MemoryStream(files.Single(f => f.Key.EndsWith(".nuspec", StringComparison.Ordinal)).Value));
        return new NuGetPackage(entries, nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata"), files);
    }

    public string Value(string name) => Metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? "";

    public string Text(string entry) => System.Text.Encoding.UTF8.GetString(Files[entry]);

    /// <summary>Target frameworks with a lib/ folder, e.g. <c>net10.0</c>.</summary>
    public IReadOnlyList<string> LibFrameworks() =>
        Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Select(e => e.Split('/')[1]).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Every dependency id, over all target framework groups.</summary>
    public IReadOnlyList<string> DependencyIds() =>
        Metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).Distinct().ToList();

    public IEnumerable<XElement> Dependencies() => Metadata.Descendants().Where(e => e.Name.LocalName == "dependency");
}
