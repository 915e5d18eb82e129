using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using PublicApiGenerator;

namespace Checkout.Generated.Tests.Package;

/// <summary>The public surface of an assembly as approval text, and a line diff between two such texts.</summary>
internal static class PublicApi
{
    private static readonly ApiGeneratorOptions Options = new()
    {
        // Not API: the NSwag version stamp on generated types, the target framework, the repository URL (clone-specific).
        // The compiler's async-iterator state machine (a generated type name, not API) too.
        ExcludeAttributes = ["System.CodeDom.Compiler.GeneratedCodeAttribute", "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute", "System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        // The generator skips System.* and Microsoft.* namespaces by default; AddCheckoutClient lives in DI's namespace by convention.
        AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
    };

    public static string Of(Assembly assembly) => assembly.GeneratePublicApi(Options).Replace("\r\n", "\n").TrimEnd('\n') + "\n";

    /// <summary>Lines only in <paramref name="before"/> (-) and only in <paramref name="after"/> (+), each in its text's order.</summary>
    public static (IReadOnlyList<string> Removed, IReadOnlyList<string> Added) Diff(string before, string after)
    {
        var old = Lines(before);
        var now = Lines(after);
        return (Subtract(old, now), Subtract(now, old));
    }

    public static string Format(IReadOnlyList<string> removed, IReadOnlyList<string> added, int limit = 200) =>
        string.Join("\n", removed.Select(l => "- " + l).Concat(added.Select(l => "+ " + l)).Take(limit))
        + (removed.Count + added.Count > limit ? $"\n… {removed.Count + added.Count - limit} more lines" : "");

    private static List<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();

    /// <summary>The lines of <paramref name="a"/> left after removing one occurrence per line of <paramref name="b"/>.</summary>
    private static List<string> Subtract(List<string> a, List<string> b)
    {
        var counts = b.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var line in a)
        {
            if (counts.TryGetValue(line, out var n) && n > 0) counts[line] = n - 1;
            else result.Add(line);
        }
        return result;
    }
}
