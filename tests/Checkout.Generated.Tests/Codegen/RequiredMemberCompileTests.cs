using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Checkout.Generated.Tests.Docs;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>A consumer who leaves out a field the spec requires in a request gets a compile error, not a 422 at Checkout.</summary>
[Category("Codegen")]
public class RequiredMemberCompileTests
{
    [Test]
    public void RequestModel_BuiltWithoutARequiredMember_DoesNotCompile_AndWithAllOfThemDoes()
    {
        var model = typeof(CheckoutOperation).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "Checkout.Generated.Models" && t.IsClass && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Type: t, Required: t.GetProperties().Where(p => p.GetCustomAttribute<RequiredMemberAttribute>() is not null).Select(p => p.Name).ToList()))
            .Where(m => m.Required.Count > 0)
            .OrderByDescending(m => m.Type.Name == "PaymentRequest").ThenBy(m => m.Type.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        Assume.That(model.Type, Is.Not.Null, "this spec release declares no required request field");

        var missing = Compile($"var model = new {model.Type.Name} {{ }};");
        var complete = Compile($"var model = new {model.Type.Name} {{ {string.Join(", ", model.Required.Select(p => p + " = default!"))} }};");

        Assert.Multiple(() =>
        {
            Assert.That(missing, Has.Some.Contains("CS9035").And.Some.Contains(model.Required[0]), model.Type.Name);
            Assert.That(complete, Has.None.Contains("CS9035"), model.Type.Name);
        });
    }

    private static string[] Compile(string code)
    {
        var block = new DocBlock("RequiredMemberCompileTests", 1, code, null);
        return DocCompilation.Create([block]).Errors[block].ToArray();
    }
}
