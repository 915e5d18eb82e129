using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Checkout.Generated.AspNetCore;
using Checkout.Generated.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Checkout.Generated.Tests.Docs;

/// <summary>
/// Every documentation block compiled together in one Roslyn compilation (one file per block), against the shared
/// framework (Microsoft.NETCore.App and Microsoft.AspNetCore.App reference assemblies) and the library's assemblies and
/// their dependencies as a consumer's build sees them; errors are reported per block.
/// </summary>
internal sealed class DocCompilation
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> LazyReferences = new(LoadReferences);

    private DocCompilation(IReadOnlyList<DocBlock> blocks, CSharpCompilation compilation, IReadOnlyDictionary<SyntaxTree, DocBlock> trees)
    {
        Blocks = blocks;
        Compilation = compilation;
        var byBlock = blocks.ToDictionary(b => b, _ => new List<string>());
        var shared = new List<string>();
        foreach (var error in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var text = $"{Describe(error.Location)}: {error.Id}: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            if (error.Location.SourceTree is { } tree && trees.TryGetValue(tree, out var block)) byBlock[block].Add(text);
            else shared.Add(text);
        }

        Errors = byBlock.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)shared.Concat(p.Value).ToList());
        CompiledCount = trees.Count;
    }

    public IReadOnlyList<DocBlock> Blocks { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary>How many blocks went into the compilation, each as a file of its own.</summary>
    public int CompiledCount { get; }

    /// <summary>Each block's errors (with the preamble's, if any), as "README.md:97: CS1503: …".</summary>
    public IReadOnlyDictionary<DocBlock, IReadOnlyList<string>> Errors { get; }

    /// <summary>
    /// Compiles <paramref name="blocks"/> (those marked no-compile left out); with <paramref name="run"/>, only the blocks it
    /// selects, under the run convention. A block's namespace is named by its index in <paramref name="blocks"/> either way.
    /// </summary>
    public static DocCompilation Create(IReadOnlyList<DocBlock> blocks, Func<DocBlock, bool>? run = null)
    {
        var forRun = run is not null;
        var trees = new Dictionary<SyntaxTree, DocBlock>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].NoCompileReason is not null || (run is not null && !run(blocks[i]))) continue;
            trees.Add(CSharpSyntaxTree.ParseText(DocSource.Wrap(blocks[i], i, forRun), DocSource.Parse, path: $"block{i}.cs"), blocks[i]);
        }

        var preamble = new[] { DocPreamble.Usings(), DocPreamble.Context(), DocPreamble.OpenTelemetryStandIns }
            .Select((text, i) => CSharpSyntaxTree.ParseText(text, DocSource.Parse, path: $"preamble{i}.cs"));
        var compilation = CSharpCompilation.Create(
            forRun ? "CheckoutDocsRun" + Guid.NewGuid().ToString("N") : "CheckoutDocs",
            preamble.Concat(trees.Keys),
            LazyReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return new DocCompilation(blocks, compilation, trees);
    }

    /// <summary>Emits the compilation and loads it into this process, where the library is already loaded.</summary>
    public Assembly Load()
    {
        using var image = new MemoryStream();
        var result = Compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The documentation blocks did not compile for the run: "
                + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => $"{Describe(d.Location)}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")));
        }

        return Assembly.Load(image.ToArray());
    }

    private static string Describe(Location location)
    {
        var span = location.GetMappedLineSpan();
        return span.IsValid ? $"{span.Path}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}" : "(preamble)";
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var framework = FrameworkReferenceAssemblies();
        var frameworkNames = framework.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // The library's assemblies and, transitively, what they reference that the framework does not provide (Newtonsoft.Json, …).
        var library = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // The companion packages docs/fleet.md tells a fleet to add: HybridCache and the Redis distributed cache.
        var pending = new Queue<Assembly>(new[]
        {
            typeof(CheckoutClientFactory).Assembly, typeof(CheckoutMockServer).Assembly, typeof(CheckoutWebhookEndpointRouteBuilderExtensions).Assembly,
            typeof(Microsoft.Extensions.DependencyInjection.HybridCacheServiceExtensions).Assembly,
            typeof(Microsoft.Extensions.DependencyInjection.StackExchangeRedisCacheServiceCollectionExtensions).Assembly,
        });
        while (pending.Count > 0)
        {
            var assembly = pending.Dequeue();
            if (!library.TryAdd(assembly.GetName().Name!, assembly.Location)) continue;
            foreach (var name in assembly.GetReferencedAssemblies())
            {
                if (frameworkNames.Contains(name.Name!) || library.ContainsKey(name.Name!)) continue;
                pending.Enqueue(Assembly.Load(name));
            }
        }

        return framework.Concat(library.Values).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
    }

    /// <summary>The reference assemblies of the running .NET and ASP.NET Core (the SDK's packs), else their implementation assemblies.</summary>
    private static IReadOnlyList<string> FrameworkReferenceAssemblies()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var aspNetCore = Path.GetDirectoryName(typeof(WebApplication).Assembly.Location)!;
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var major = Environment.Version.Major;
        var files = new List<string>();
        foreach (var (pack, fallback) in new[] { ("Microsoft.NETCore.App.Ref", runtime), ("Microsoft.AspNetCore.App.Ref", aspNetCore) })
        {
            var refs = Directory.Exists(Path.Combine(root, "packs", pack))
                ? Directory.GetDirectories(Path.Combine(root, "packs", pack))
                    .Select(v => Path.Combine(v, "ref", $"net{major}.0"))
                    .Where(Directory.Exists)
                    .OrderByDescending(v => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(v)))!.Split('-')[0], out var version) ? version : new Version())
                    .FirstOrDefault()
                : null;
            files.AddRange(Directory.GetFiles(refs ?? fallback, "*.dll").Where(HasMetadata));
        }

        return files;
    }

    private static bool HasMetadata(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
    }
}
