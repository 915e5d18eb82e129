using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>Response metadata (<see cref="CheckoutResponse"/>) is on what a call returns, never on a model only sent.</summary>
[Category("Codegen")]
public class ResultMetadataTests
{
    private static readonly MethodInfo[] Operations = typeof(CheckoutOperation).Assembly.GetExportedTypes()
        .Where(t => t.IsInterface && t.Name.EndsWith("Client", StringComparison.Ordinal))
        .SelectMany(t => t.GetMethods()).Where(m => m.GetCustomAttribute<CheckoutOperationAttribute>() is not null).ToArray();

    private static bool IsModel(Type t) => t.IsClass && t.Namespace == "Checkout.Generated.Models";

    private static IEnumerable<Type> WithBases(Type t)
    {
        for (var type = t; type is not null && type != typeof(object); type = type.BaseType) yield return type;
    }

    private static HashSet<Type> Returned() => Operations
        .Select(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(Task<>) ? m.ReturnType.GetGenericArguments()[0] : null)
        .OfType<Type>()
        // A multi-status result (not a model) holds the model of each documented status.
        .SelectMany(t => IsModel(t) ? [t] : t.IsGenericType ? [] : t.GetProperties().Select(p => p.PropertyType).Where(IsModel))
        .Where(IsModel).ToHashSet();

    [Test]
    public void EveryReturnedModel_CarriesTheResponseMetadata()
    {
        var returned = Returned();

        Assert.That(returned, Has.Count.GreaterThan(5), "the reflection found the models the clients return");
        Assert.That(returned.Where(t => t.GetProperty(nameof(CheckoutResponse))?.PropertyType != typeof(CheckoutResponse)).Select(t => t.Name), Is.Empty);
    }

    [Test]
    public void ModelsOnlySent_CarryNoResponseMetadata()
    {
        var returned = Returned();
        var sentOnly = Operations.SelectMany(m => m.GetParameters()).Select(p => p.ParameterType).Where(IsModel)
            .Where(t => !returned.Any(r => WithBases(r).Contains(t) || WithBases(t).Contains(r))).Distinct().ToList();

        Assert.That(sentOnly, Is.Not.Empty, "the reflection found request bodies");
        Assert.That(sentOnly.Where(t => t.GetProperty(nameof(CheckoutResponse)) is not null).Select(t => t.Name), Is.Empty);
    }
}
