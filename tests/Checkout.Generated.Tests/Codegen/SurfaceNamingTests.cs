using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Checkout.Generated.Codegen;
using Checkout.Generated.Codegen.Shaping;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>The names of the whole public surface, by reflection over the built library (issue 17's naming classes).</summary>
[Category("Codegen")]
public class SurfaceNamingTests
{
    private static readonly Type[] PublicTypes = typeof(CheckoutOperation).Assembly.GetExportedTypes();

    private static IEnumerable<string> NonGenericNames => PublicTypes.Where(t => !t.IsGenericType).Select(t => t.Name);

    [Test]
    public void PublicTypes_ShareNoNameWithATypeImplicitUsingsImports()
    {
        // Computed from the shared frameworks of the runtime this test runs on, the same way the codegen does.
        var framework = FrameworkTypeNames.Read(FrameworkTypeNames.FrameworkDirectories());

        Assert.That(framework, Does.Contain("File").And.Contain("Type").And.Contain("HttpClient"), "the framework's type names were read");
        Assert.That(NonGenericNames.Where(framework.Contains), Is.Empty);
    }

    [Test]
    public void PublicTypes_AreNotASingleGenericWord()
    {
        Assert.That(NonGenericNames.Where(NamingAuthority.GenericWords.Contains), Is.Empty);
    }

    [Test]
    public void PublicTypes_StartWithAnUppercaseLetter()
    {
        Assert.That(PublicTypes.Where(t => !char.IsUpper(t.Name[0])).Select(t => t.FullName), Is.Empty);
    }

    [Test]
    public void PublicTypes_KeepTheLeadingDigitsOfTheSpecsNames()
    {
        // A spec name with leading digits not followed by an underscore (3dsRequest): its digits are a word, not an ordering prefix.
        var spec = JObject.Parse(System.IO.File.ReadAllText(SpecFile()));
        var dropped = ((JObject?)spec["components"]?["schemas"])?.Properties().Select(p => p.Name)
            .Where(n => Regex.IsMatch(n, "^[0-9]+[A-Za-z]")).Select(n => Names.Pascal(n.TrimStart("0123456789".ToCharArray()))).ToHashSet() ?? [];

        Assert.That(NonGenericNames.Where(dropped.Contains), Is.Empty);
    }

    [Test]
    public void Properties_NamedWithSpelledDigits_HaveTypesWithSpelledDigits()
    {
        var mismatched = PublicTypes.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.Name.StartsWith("ThreeDs", StringComparison.Ordinal))
            .Select(p => (Property: p, Type: ElementType(p.PropertyType)))
            .Where(x => x.Type.Assembly == typeof(CheckoutOperation).Assembly && Regex.IsMatch(x.Type.Name, "^Ds[A-Z]"))
            .Select(x => $"{x.Property.DeclaringType!.Name}.{x.Property.Name}: {x.Type.Name}");

        Assert.That(mismatched, Is.Empty);
    }

    [Test]
    public void ClientMethods_HaveNoArticleOrListArtefacts()
    {
        var artefact = new Regex(@"(?<=[a-z0-9])(A|An|The)(?=[A-Z])|Lists?Async$", RegexOptions.CultureInvariant);
        var methods = PublicTypes.Where(t => t.IsInterface && t.Name.EndsWith("Client", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods().Select(m => $"{t.Name}.{m.Name}")).ToList();

        Assert.That(methods, Is.Not.Empty);
        Assert.That(methods.Where(m => artefact.IsMatch(m.Split('.')[1])), Is.Empty);
    }

    [Test]
    public void PagingMethods_NeverTakeAnOperationsName()
    {
        var clients = PublicTypes.Where(t => t.IsInterface && t.Name.EndsWith("Client", StringComparison.Ordinal));
        var operations = clients.SelectMany(t => t.GetMethods()).Where(m => m.GetCustomAttribute<CheckoutOperationAttribute>() is not null)
            .Select(m => m.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var paging = clients.SelectMany(t => t.GetMethods())
            .Where(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)).Select(m => m.Name).ToList();

        Assert.That(paging.Where(operations.Contains), Is.Empty);
    }

    private static Type ElementType(Type type) =>
        type.IsGenericType ? ElementType(type.GetGenericArguments()[^1]) : Nullable.GetUnderlyingType(type) ?? type;

    private static string SpecFile() =>
        typeof(SurfaceNamingTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CheckoutOpenApiSpec").Value!;
}
