using System.Text.RegularExpressions;

namespace Checkout.Generated.Codegen;

/// <summary>How much code the client classes of a generated file take (reported by the build, issue 19: lines per operation).</summary>
internal static partial class GeneratedSize
{
    [GeneratedRegex(@"^    public partial class \w+Client : I\w+Client\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClientClass();

    /// <summary>The lines of the client classes (declaration to closing brace) and how many classes there are.</summary>
    public static (int Lines, int Classes) ClientClasses(IEnumerable<string> lines)
    {
        int total = 0, classes = 0;
        var inside = false;
        foreach (var line in lines)
        {
            if (!inside && ClientClass().IsMatch(line)) { inside = true; classes++; }
            if (!inside) continue;
            total++;
            if (line == "    }") inside = false;
        }
        return (total, classes);
    }
}
