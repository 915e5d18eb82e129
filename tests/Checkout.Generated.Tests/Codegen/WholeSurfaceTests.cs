using System;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>The whole public surface, by reflection (in the spirit of stripe-dotnet's "wholesome" tests).</summary>
[Category("Codegen")]
public class WholeSurfaceTests
{
    private static readonly Type[] PublicTypes = typeof(CheckoutOperation).Assembly.GetExportedTypes();
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Test]
    public void PublicTypes_HaveNoPlaceholderNames()
    {
        var placeholder = new Regex(@"^(Response|Anonymous|Body)\d*$", RegexOptions.CultureInvariant);

        Assert.That(PublicTypes, Is.Not.Empty);
        Assert.That(PublicTypes.Where(t => placeholder.IsMatch(t.Name)).Select(t => t.FullName), Is.Empty);
    }

    [Test]
    public void PublicTypes_HaveNamesOfAtMostSixtyCharacters()
    {
        var longest = PublicTypes.Select(t => t.Name.Split('`')[0]).OrderByDescending(n => n.Length).ToList();

        Assert.That(longest, Is.Not.Empty);
        Assert.That(longest.Where(n => n.Length > Checkout.Generated.Codegen.Names.MaxTypeName), Is.Empty);
    }

    [Test]
    public void PublicTypesAndMembers_HaveNoUnderscoreInTheirNames()
    {
        var types = PublicTypes.Where(t => t.Name.Contains('_', StringComparison.Ordinal)).Select(t => t.FullName);
        var members = PublicTypes
            .SelectMany(t => t.GetMembers(Declared).Select(m => (Type: t, Member: m)))
            .Where(x => x.Member is not MethodBase { IsSpecialName: true } && x.Member is not FieldInfo { IsSpecialName: true } && x.Member is not Type)
            .Where(x => x.Member.Name.Contains('_', StringComparison.Ordinal))
            .Select(x => $"{x.Type.Name}.{x.Member.Name}");

        Assert.Multiple(() =>
        {
            Assert.That(types, Is.Empty, "type names");
            Assert.That(members, Is.Empty, "member names");
        });
    }

    [Test]
    public void Models_AreInTheModelsNamespace_ClientsAtTheRoot()
    {
        var clients = PublicTypes.Where(t => t.IsInterface && t.Name.EndsWith("Client", StringComparison.Ordinal)).ToList();
        var models = PublicTypes.Where(t => t.GetProperties().Any(p => p.GetCustomAttribute<Newtonsoft.Json.JsonPropertyAttribute>() is not null)).ToList();

        Assert.That(clients.Select(t => t.Namespace).Distinct(), Is.EqualTo(new[] { "Checkout.Generated" }));
        Assert.That(models.Select(t => t.Namespace).Distinct(), Is.EqualTo(new[] { "Checkout.Generated.Models" }));
    }

    [Test]
    public void PublicMethodParameters_HaveNoUnderscoreInTheirNames()
    {
        var parameters = PublicTypes
            .SelectMany(t => t.GetMethods(Declared).Concat<MethodBase>(t.GetConstructors()).Select(m => (Type: t, Method: m)))
            .SelectMany(x => x.Method.GetParameters().Select(p => (x.Type, x.Method, Parameter: p)))
            .Where(x => x.Parameter.Name?.Contains('_', StringComparison.Ordinal) == true)
            .Select(x => $"{x.Type.Name}.{x.Method.Name}({x.Parameter.Name})");

        Assert.That(parameters, Is.Empty);
    }
}
