using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Checkout.Generated.Tests.Docs;

/// <summary>
/// Turns a documentation block into a compilable file: its usings on top; its statements (and local functions) in the body
/// of <c>RunAsync</c> of a class deriving from <c>DocContext</c>; its type declarations beside that class; all in a
/// namespace of its own. A block that declares a namespace is compiled as it is. <c>#line</c> directives keep the doc's
/// file and line in every diagnostic.
/// </summary>
internal static class DocSource
{
    public static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    /// <summary>The namespace of the block's code, also the name the runner finds its class by.</summary>
    public static string Namespace(int index) => $"CheckoutDocs.Block{index}";

    public static CompilationUnitSyntax Syntax(DocBlock block) => (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(block.Code, Parse).GetRoot();

    /// <summary>Whether the block has statements (something to run), as opposed to declarations only.</summary>
    public static bool HasStatements(DocBlock block) => Syntax(block).Members.OfType<GlobalStatementSyntax>().Any();

    /// <summary>
    /// A complete example: statements that use none of the well-known variables they do not declare themselves, so it can
    /// run as it is (after <see cref="ForRun"/>).
    /// </summary>
    public static bool IsComplete(DocBlock block)
    {
        var root = Syntax(block);
        if (!root.Members.OfType<GlobalStatementSyntax>().Any()) return false;
        var declared = root.DescendantNodes().Select(n => n switch
        {
            VariableDeclaratorSyntax v => v.Identifier.Text,
            ParameterSyntax p => p.Identifier.Text,
            SingleVariableDesignationSyntax d => d.Identifier.Text,
            ForEachStatementSyntax f => f.Identifier.Text,
            _ => null,
        }).Where(n => n is not null).ToHashSet();
        return !root.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Any(i => DocPreamble.VariableNames.Contains(i.Identifier.Text) && !declared.Contains(i.Identifier.Text) && !IsMemberName(i));
    }

    /// <summary>The block's file for the compilation; <paramref name="forRun"/> points its options at the local server.</summary>
    public static string Wrap(DocBlock block, int index, bool forRun = false)
    {
        var root = Syntax(block);
        if (forRun) root = ForRun(root);
        var text = new StringBuilder();
        if (root.Members.Any(m => m is BaseNamespaceDeclarationSyntax))
        {
            return text.Append(Line(block, 0)).Append(root.ToFullString()).ToString();
        }

        foreach (var part in root.Externs.Cast<SyntaxNode>().Concat(root.Usings)) Append(text, block, root, part);
        text.Append($"namespace {Namespace(index)}\n{{\n#line hidden\n");
        text.Append("internal sealed class Block : global::CheckoutDocs.DocContext\n{\n    protected override async Task RunAsync()\n    {\n");
        foreach (var statement in root.Members.OfType<GlobalStatementSyntax>()) Append(text, block, root, statement);
        text.Append("#line hidden\n    }\n}\n");
        foreach (var member in root.Members.Where(m => m is not GlobalStatementSyntax)) Append(text, block, root, member);
        foreach (var list in root.AttributeLists) Append(text, block, root, list);
        return text.Append("#line default\n}\n").ToString();
    }

    /// <summary>
    /// The run convention: every <c>new CheckoutOptions { … }</c> (an account prefix, a key) becomes
    /// <c>server.Configure(new CheckoutOptions())</c>, the local server's hosts, token endpoint and keys.
    /// </summary>
    public static CompilationUnitSyntax ForRun(CompilationUnitSyntax root) =>
        root.ReplaceNodes(
            root.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Where(o => o.Type.ToString().Split('.').Last() == nameof(CheckoutOptions)),
            (original, _) => SyntaxFactory.ParseExpression("server.Configure(new CheckoutOptions())").WithTriviaFrom(original));

    private static bool IsMemberName(IdentifierNameSyntax identifier) =>
        identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier
        || identifier.Parent is NameColonSyntax || identifier.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment && assignment.Left == identifier;

    private static void Append(StringBuilder text, DocBlock block, CompilationUnitSyntax root, SyntaxNode node)
    {
        var line = root.SyntaxTree.GetLineSpan(node.FullSpan).StartLinePosition.Line;
        text.Append(Line(block, line)).Append(node.ToFullString()).Append('\n');
    }

    private static string Line(DocBlock block, int lineInBlock) => $"#line {block.Line + lineInBlock} \"{block.File}\"\n";
}
