using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Codegen;

[Category("Codegen")]
public class GeneratedSurfaceTests
{
    private static readonly MethodInfo[] ClientMethods = typeof(CheckoutOperation).Assembly.GetExportedTypes()
        .Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal))
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => m.GetCustomAttribute<CheckoutOperationAttribute>() is not null)
        .ToArray();

    [Test]
    public void EveryCatalogOperation_HasOnePublicAsyncClientMethod_OnItsTagsClient()
    {
        Assert.That(CheckoutOperationCatalog.All, Is.Not.Empty);
        foreach (var operation in CheckoutOperationCatalog.All)
        {
            var methods = ClientMethods.Where(m => m.GetCustomAttribute<CheckoutOperationAttribute>()!.OperationId == operation.Id).ToList();
            Assert.That(methods, Has.Count.EqualTo(1), operation.ToString());
            var method = methods[0];
            Assert.Multiple(() =>
            {
                Assert.That(method.DeclaringType!.Name, Is.EqualTo(operation.Tag + "Client"), operation.ToString());
                Assert.That(typeof(Task).IsAssignableFrom(method.ReturnType), operation.ToString());
                Assert.That(method.GetParameters().Last().ParameterType, Is.EqualTo(typeof(CancellationToken)), operation.ToString());
                Assert.That(method.DeclaringType.GetInterface("I" + method.DeclaringType.Name), Is.Not.Null, operation.ToString());
            });
        }
    }

    [Test]
    public void ClientMethods_AreOnlyThoseOfTheCatalog()
    {
        var ids = ClientMethods.Select(m => m.GetCustomAttribute<CheckoutOperationAttribute>()!.OperationId).ToList();
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Is.EquivalentTo(CheckoutOperationCatalog.All.Select(o => o.Id)));
    }

    [Test]
    public void ModelProperties_ArePascalCase_WhileTheirJsonNamesStayAsTheSpecSays()
    {
        var properties = typeof(CheckoutOperation).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(p => (Property: p, Json: p.GetCustomAttribute<Newtonsoft.Json.JsonPropertyAttribute>()?.PropertyName))
            .Where(p => p.Json is not null)
            .ToList();

        Assert.That(properties, Is.Not.Empty);
        var snakeCase = properties.Where(p => p.Property.Name.Contains('_', StringComparison.Ordinal)).Select(p => $"{p.Property.DeclaringType!.Name}.{p.Property.Name}");
        Assert.That(snakeCase, Is.Empty);
        var billing = properties.Where(p => p.Json == "billing_address").ToList();
        Assert.That(billing, Is.Not.Empty);
        Assert.That(billing.Select(p => p.Property.Name), Is.All.EqualTo("BillingAddress"));
    }
}
