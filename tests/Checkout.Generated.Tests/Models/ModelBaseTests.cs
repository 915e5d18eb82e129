using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Checkout.Generated.Internal;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Models;

/// <summary>
/// What every model shares: the explicit-null record (through <see cref="CheckoutModel"/> or its own members, two
/// template branches that must stay in step) and one declaration of <see cref="CheckoutModel.AdditionalProperties"/>.
/// </summary>
[Category("Fidelity")]
public class ModelBaseTests
{
    [Test]
    public void EveryModel_RemembersExplicitNulls()
    {
        var missing = GeneratedModels.All.Where(t => !typeof(IExplicitNulls).IsAssignableFrom(t)).Select(t => t.Name);

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void ModelsKeepingUnknownFieldsAsObjects_InheritThemFromCheckoutModel()
    {
        var models = GeneratedModels.All
            .Where(t => t.GetProperty(nameof(CheckoutModel.AdditionalProperties))?.PropertyType == typeof(IDictionary<string, object>))
            .ToList();
        var ownDeclaration = models
            .Where(t => t.GetProperty(nameof(CheckoutModel.AdditionalProperties))!.DeclaringType != typeof(CheckoutModel))
            .Select(t => t.Name);

        Assert.Multiple(() =>
        {
            Assert.That(models, Is.Not.Empty);
            Assert.That(ownDeclaration, Is.Empty);
        });
    }

    [Test]
    public void CheckoutModel_CannotBeDerivedFromOutsideTheLibrary()
    {
        var constructors = typeof(CheckoutModel).GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

        Assert.That(constructors.Select(c => c.IsFamilyAndAssembly), Is.All.True, "private protected: only the library's models derive from it");
    }
}
