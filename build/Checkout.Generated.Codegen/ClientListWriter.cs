using System.Text;

namespace Checkout.Generated.Codegen;

/// <summary>
/// Writes the list of generated clients, one per tag, beside the catalog: the <c>ICheckoutClient</c> properties
/// (<c>checkout.Payments</c>), their implementation and the registry the factory and DI registration read, so no
/// client is discovered by reflection. Client names come from <see cref="Shaping.NamingAuthority.ClientName"/>; the tags
/// were made identifiers by the shaping phase (<c>TagNameRule</c>).
/// </summary>
internal static class ClientListWriter
{
    /// <summary>The tags in document order, each once: a tag names <c>{Tag}Client</c> and <c>I{Tag}Client</c>.</summary>
    public static IReadOnlyList<string> Tags(IReadOnlyList<CatalogEntry> entries) => entries.Select(e => e.Tag).Distinct(StringComparer.Ordinal).ToList();

    public static void Write(StringBuilder sb, IReadOnlyList<CatalogEntry> entries, string ns)
    {
        var tags = Tags(entries);
        sb.AppendLine();
        sb.AppendLine($"namespace {ns}");
        sb.AppendLine("{");
        sb.AppendLine("    public partial interface ICheckoutClient");
        sb.AppendLine("    {");
        foreach (var tag in tags)
        {
            var client = Shaping.NamingAuthority.ClientName(tag);
            var count = entries.Count(e => e.Tag == tag);
            sb.AppendLine($"        /// <summary>The {count} operation{(count == 1 ? "" : "s")} the spec tags <c>{tag}</c>.</summary>");
            sb.AppendLine($"        I{client} {tag} {{ get; }}");
            sb.AppendLine();
        }
        sb.AppendLine("    }");
        sb.AppendLine("}");
        sb.AppendLine();
        sb.AppendLine($"namespace {ns}.Internal");
        sb.AppendLine("{");
        sb.AppendLine("    internal sealed partial class CheckoutClient");
        sb.AppendLine("    {");
        foreach (var tag in tags)
        {
            var client = Shaping.NamingAuthority.ClientName(tag);
            sb.AppendLine($"        private I{client}? _{Field(tag)};");
            sb.AppendLine($"        public I{client} {tag} => _{Field(tag)} ??= new {client}(_invoker);");
        }
        sb.AppendLine("    }");
        sb.AppendLine();
        sb.AppendLine("    internal static partial class CheckoutClientRegistry");
        sb.AppendLine("    {");
        sb.AppendLine("        private static partial CheckoutClientRegistration[] CreateClients() => new[]");
        sb.AppendLine("        {");
        foreach (var tag in tags)
        {
            var client = Shaping.NamingAuthority.ClientName(tag);
            sb.AppendLine($"            new CheckoutClientRegistration(typeof(I{client}), typeof({client}), invoker => new {client}(invoker)),");
        }
        sb.AppendLine("        };");
        sb.AppendLine("    }");
        sb.AppendLine("}");
    }

    private static string Field(string tag) => char.ToLowerInvariant(tag[0]) + tag[1..];
}
