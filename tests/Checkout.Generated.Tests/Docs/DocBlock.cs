using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Checkout.Generated.Tests.Package;

namespace Checkout.Generated.Tests.Docs;

/// <summary>One fenced C# block of README.md or docs/*.md: where it is, its code, and the reason when it is marked not to compile.</summary>
internal sealed record DocBlock(string File, int Line, string Code, string? NoCompileReason)
{
    private static readonly Regex Fence = new(@"^(?<indent>\s*)(?<fence>```+|~~~+)\s*(?<info>[^\s`]*)", RegexOptions.Compiled);
    private static readonly Regex Marker = new(@"^\s*<!--\s*docs:\s*no-compile\s+(?<reason>.+?)\s*-->\s*$", RegexOptions.Compiled);

    /// <summary>"README.md:97": the file (from the repository root) and the line of the block's first code line.</summary>
    public string Where => $"{File}:{Line}";

    /// <summary>The Markdown files whose C# blocks are compiled: README.md, docs/*.md and the packages' READMEs (src/*/PACKAGE.md).</summary>
    public static IReadOnlyList<string> DocFiles() =>
        new[] { "README.md" }
            .Concat(Directory.GetFiles(RepositoryFiles.Path("docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).OrderBy(f => f, StringComparer.Ordinal))
            .Concat(Directory.GetDirectories(RepositoryFiles.Path("src")).Where(d => System.IO.File.Exists(Path.Combine(d, "PACKAGE.md")))
                .Select(d => $"src/{Path.GetFileName(d)}/PACKAGE.md").OrderBy(f => f, StringComparer.Ordinal))
            .ToList();

    /// <summary>Every C# block of the documentation, in file order.</summary>
    public static IReadOnlyList<DocBlock> All() => DocFiles().SelectMany(f => Read(f, System.IO.File.ReadAllLines(RepositoryFiles.Path(f)))).ToList();

    /// <summary>Whether a fence's info string names C#.</summary>
    public static bool IsCSharp(string info) => info.ToLowerInvariant() is "csharp" or "cs" or "c#";

    /// <summary>The C# blocks of one Markdown file (fences may be indented, e.g. in a list item; the indentation is removed).</summary>
    public static IEnumerable<DocBlock> Read(string file, string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence.Match(lines[i]);
            if (!open.Success) continue;
            var indent = open.Groups["indent"].Value.Length;
            var fence = open.Groups["fence"].Value;
            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith(fence, StringComparison.Ordinal)) end++;
            if (IsCSharp(open.Groups["info"].Value))
            {
                var code = string.Join("\n", lines[start..end].Select(l => l.Length >= indent && string.IsNullOrWhiteSpace(l[..indent]) ? l[indent..] : l.TrimStart()));
                var previous = lines.Take(i).Reverse().FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
                var marker = previous is null ? null : Marker.Match(previous);
                yield return new DocBlock(file, start + 1, code, marker is { Success: true } ? marker.Groups["reason"].Value : null);
            }

            i = end;
        }
    }

    public override string ToString() => Where;
}
