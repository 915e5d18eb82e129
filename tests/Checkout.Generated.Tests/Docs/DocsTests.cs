using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Checkout.Generated.Tests.Package;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Docs;

/// <summary>
/// The documentation is tested: every ```csharp block of README.md, docs/*.md and src/*/PACKAGE.md compiles, and every complete example runs
/// against the local server. The convention (also in docs/contributing.md):
/// <list type="bullet">
/// <item>Every block is compiled as in a consumer's project with <c>ImplicitUsings</c> (the web SDK's list) and
/// <c>Nullable</c> on, plus <c>using Checkout.Generated;</c>, <c>.Models</c>, <c>.AspNetCore</c>, <c>.Testing</c>
/// (<see cref="DocPreamble.GlobalUsings"/>), against the built library and its dependencies; only errors fail.</item>
/// <item>A block's statements go into an async method, with the well-known variables of <see cref="DocPreamble.Variables"/>
/// (<c>services</c>, <c>builder</c>, <c>app</c>, <c>checkout</c>, <c>ct</c>, …) in scope; its usings and type declarations
/// stay at file level; a block that declares a namespace is compiled as it is.</item>
/// <item>A block that has statements and uses none of the well-known variables is a complete example: it also runs,
/// with each <c>new CheckoutOptions { … }</c> replaced by <c>server.Configure(new CheckoutOptions())</c> (a started
/// local server's hosts, token endpoint and keys).</item>
/// <item>A block fenced as C# that must not compile is preceded by <c>&lt;!-- docs: no-compile reason --&gt;</c>.</item>
/// </list>
/// </summary>
[TestFixture]
[Category("Docs")]
public sealed class DocsTests
{
    private static readonly Lazy<DocCompilation> Compiled = new(() => DocCompilation.Create(DocBlock.All()));
    // The complete examples that compile: one that does not fails its compile case, and its run case says so.
    private static readonly Lazy<Assembly> RunAssembly = new(() =>
        DocCompilation.Create(Compiled.Value.Blocks, run: b => DocSource.IsComplete(b) && Compiled.Value.Errors[b].Count == 0).Load());

    public static IEnumerable<TestCaseData> Blocks() =>
        DocBlock.All().Where(b => b.NoCompileReason is null).Select(b => new TestCaseData(b.File, b.Line).SetArgDisplayNames(b.Where));

    public static IEnumerable<TestCaseData> CompleteExamples() =>
        DocBlock.All().Select((b, i) => (Block: b, Index: i)).Where(p => p.Block.NoCompileReason is null && DocSource.IsComplete(p.Block))
            .Select(p => new TestCaseData(p.Block.File, p.Block.Line, p.Index).SetArgDisplayNames(p.Block.Where));

    [Test]
    public void DocBlocks_ReadmeDocsAndPackageReadmes_EveryCSharpBlockIsCompiled()
    {
        // Counted independently of the parser: every line opening a fence whose info string is C#.
        var fences = DocBlock.DocFiles().Sum(f => System.IO.File.ReadAllLines(RepositoryFiles.Path(f)).Count(l => Regex.IsMatch(l, @"^\s*```\s*(csharp|cs|c#)\s*$", RegexOptions.IgnoreCase)));
        var excused = DocBlock.All().Where(b => b.NoCompileReason is not null).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(fences, Is.GreaterThan(0), "no C# block found: is the repository root right?");
            Assert.That(Compiled.Value.CompiledCount, Is.EqualTo(fences - excused.Count),
                $"C# blocks found: {fences}; marked no-compile: {string.Join(", ", excused.Select(b => $"{b.Where} ({b.NoCompileReason})"))}");
            Assert.That(Blocks().Count(), Is.EqualTo(Compiled.Value.CompiledCount), "one test case per compiled block");
        });
        TestContext.Out.WriteLine($"{fences} C# blocks in README.md, docs/*.md and src/*/PACKAGE.md; {Compiled.Value.CompiledCount} compiled, {CompleteExamples().Count()} of them run.");
    }

    [TestCaseSource(nameof(Blocks))]
    public void DocBlock_CompiledAsAConsumer_HasNoErrors(string file, int line)
    {
        var block = Compiled.Value.Blocks.Single(b => b.File == file && b.Line == line);

        Assert.That(Compiled.Value.Errors[block], Is.Empty, $"{block.Where} does not compile:\n{block.Code}");
    }

    [TestCaseSource(nameof(CompleteExamples))]
    public async Task CompleteExample_RunAgainstTheLocalServer_Completes(string file, int line, int index)
    {
        await using var server = await CheckoutMockServer.StartAsync();

        await RunAsync(index, server);

        TestContext.Out.WriteLine($"{file}:{line} ran; requests to the local server: {server.RequestCounts.Values.Sum()}.");
    }

    [Test]
    public async Task ReadmePayment_RunAgainstTheLocalServer_CreatesOnePayment()
    {
        var all = DocBlock.All();
        var payment = all.First(b => b.File == "README.md");
        var requestPayment = CheckoutOperationCatalog.All.Single(o => o.Method == "POST" && o.PathTemplate == "/payments").Id;
        await using var server = await CheckoutMockServer.StartAsync();

        await RunAsync(all.ToList().IndexOf(payment), server);

        Assert.Multiple(() =>
        {
            Assert.That(DocSource.IsComplete(payment), Is.True, $"README's first C# block ({payment.Where}) is a complete example");
            Assert.That(server.RequestCount(requestPayment), Is.EqualTo(1), $"{payment.Where} requests one payment");
        });
    }

    private static async Task RunAsync(int index, CheckoutMockServer server)
    {
        var block = Compiled.Value.Blocks[index];
        if (Compiled.Value.Errors[block].Count > 0) Assert.Fail($"{block.Where} does not compile, so it cannot run: {Compiled.Value.Errors[block][0]}");
        var type = RunAssembly.Value.GetType(DocSource.Namespace(index) + ".Block", throwOnError: true)!;
        var example = Activator.CreateInstance(type, nonPublic: true)!;
        var run = (Task)type.GetMethod("RunAgainstAsync")!.Invoke(example, [server])!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await run.WaitAsync(timeout.Token);
    }
}
