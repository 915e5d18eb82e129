using System.IO;
using System.Linq;
using System.Reflection;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>The normaliser on other releases of the document and on synthetic variants of the one the build used.</summary>
[Category("Codegen")]
public class SpecReleaseTests
{
    private static string Metadata(string key) =>
        typeof(SpecReleaseTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static JObject BuildSpec() => JObject.Parse(System.IO.File.ReadAllText(Metadata("CheckoutOpenApiSpec")));

    private static NormalisationContext NormaliseWithoutErrors(JObject document)
    {
        var result = Normaliser.Normalise(document);
        Assert.That(result.Errors, Is.Empty);
        var ids = result.Operations().Select(o => o.Operation["operationId"]?.Value<string>()).ToList();
        Assert.That(ids, Is.All.Not.Null);
        Assert.That(ids, Is.Unique);
        return result;
    }

    [Test]
    public void Normalise_2022Release_Gives67Operations()
    {
        var file = Path.GetFullPath(Path.Combine(Metadata("RepoRoot"), "../shared/openapi/checkout-nas-2022-07-06.json"));
        if (!System.IO.File.Exists(file)) Assert.Ignore($"The 2022-07-06 release is not at {file}.");

        var result = NormaliseWithoutErrors(JObject.Parse(System.IO.File.ReadAllText(file)));

        Assert.That(result.Operations().Count(), Is.EqualTo(67));
    }

    [Test]
    public void Normalise_AllOperationIdsRemoved_DerivesUniqueIdsForEveryOperation()
    {
        var document = BuildSpec();
        foreach (var op in document["paths"]!.Children<JProperty>().SelectMany(p => p.Value.Children<JProperty>()).Select(p => p.Value).OfType<JObject>()) op.Remove("operationId");

        var result = NormaliseWithoutErrors(document);

        Assert.That(result.Operations().Count(), Is.EqualTo(CheckoutOperationCatalog.All.Count));
    }

    [Test]
    public void Normalise_OperationOnANewHost_RecordsThatHost()
    {
        var document = BuildSpec();
        document["paths"]!["/identity/users"] = new JObject
        {
            ["servers"] = new JArray(new JObject { ["url"] = "https://identity.checkout.com" }),
            ["get"] = new JObject { ["summary"] = "List users", ["responses"] = new JObject { ["200"] = new JObject { ["description"] = "ok" } } },
        };

        var result = NormaliseWithoutErrors(document);

        Assert.That(result.Operations().Single(o => o.Path == "/identity/users").Operation["x-checkout-host"]!.Value<string>(), Is.EqualTo("identity"));
    }

    [Test]
    public void Normalise_NewDiscriminatorMappingToUnrelatedSchema_MakesItASubtype()
    {
        var document = BuildSpec();
        var schemas = (JObject)document["components"]!["schemas"]!;
        var unrelated = schemas.Properties().First(p => p.Value["allOf"] is null && p.Value["discriminator"] is null && p.Value["properties"] is JObject).Name;
        schemas["XNewBase"] = new JObject
        {
            ["type"] = "object",
            ["discriminator"] = new JObject { ["propertyName"] = "kind", ["mapping"] = new JObject { ["x"] = "#/components/schemas/" + unrelated } },
        };

        var result = NormaliseWithoutErrors(document);

        var target = result.Document["components"]!["schemas"]![result.Document["components"]!["schemas"]!["XNewBase"]!["discriminator"]!["mapping"]!["x"]!.Value<string>()!.Split('/')[^1]]!;
        Assert.That(target["allOf"]!.Select(a => a["$ref"]?.Value<string>()), Does.Contain("#/components/schemas/XNewBase"));
    }
}
