using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Checkout.Generated.Codegen.Shaping;

/// <summary>
/// The names of the non-generic public types a .NET console or web project sees without a <c>using</c>: the public
/// top-level types of the shared frameworks the running <c>dotnet</c> has (<c>Microsoft.NETCore.App</c> and, beside it,
/// <c>Microsoft.AspNetCore.App</c>), in the namespaces the SDKs import under <c>ImplicitUsings</c>. Read from assembly
/// metadata (nothing is loaded); a generic type is left out, since <c>File</c> clashes with <c>System.IO.File</c> but a
/// non-generic <c>List</c> does not clash with <c>List&lt;T&gt;</c>.
/// </summary>
internal static class FrameworkTypeNames
{
    /// <summary>The namespaces Microsoft.NET.Sdk, Microsoft.NET.Sdk.Web and Microsoft.NET.Sdk.Worker import under ImplicitUsings.</summary>
    public static readonly IReadOnlyList<string> ImplicitNamespaces =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private static readonly Lazy<IReadOnlySet<string>> Names = new(() => Read(FrameworkDirectories()));

    /// <summary>The type names (ordinal), computed once from the running runtime's shared frameworks.</summary>
    public static IReadOnlySet<string> Implicit => Names.Value;

    /// <summary>The running runtime's directory and the ASP.NET Core shared framework of the same or the highest version beside it.</summary>
    public static IReadOnlyList<string> FrameworkDirectories()
    {
        var core = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var directories = new List<string> { core };
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(core))!;
        var asp = Path.Combine(shared, "Microsoft.AspNetCore.App");
        if (Directory.Exists(asp))
        {
            var same = Path.Combine(asp, Path.GetFileName(core));
            var chosen = Directory.Exists(same) ? same : Directory.GetDirectories(asp).OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version()).LastOrDefault();
            if (chosen is not null) directories.Add(chosen);
        }
        return directories;
    }

    internal static IReadOnlySet<string> Read(IEnumerable<string> directories)
    {
        var namespaces = new HashSet<string>(ImplicitNamespaces, StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in directories.SelectMany(d => Directory.EnumerateFiles(d, "*.dll")))
        {
            try
            {
                using var stream = File.OpenRead(file);
                using var pe = new PEReader(stream);
                if (!pe.HasMetadata) continue;
                var reader = pe.GetMetadataReader();
                foreach (var handle in reader.TypeDefinitions)
                {
                    var type = reader.GetTypeDefinition(handle);
                    if ((type.Attributes & System.Reflection.TypeAttributes.VisibilityMask) != System.Reflection.TypeAttributes.Public) continue;
                    var name = reader.GetString(type.Name);
                    if (name.Contains('`') || !namespaces.Contains(reader.GetString(type.Namespace))) continue;
                    names.Add(name);
                }
            }
            catch (BadImageFormatException)
            {
                // A native library beside the managed ones: it declares no types.
            }
        }
        return names;
    }
}
