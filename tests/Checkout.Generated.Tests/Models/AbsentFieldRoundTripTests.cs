using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Checkout.Generated.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Models;

/// <summary>
/// Every documented response example, stripped of every field the spec calls required anywhere (Checkout omits them), read
/// into its model and written back: the same body comes out, nothing invented (no 0, false, 0001-01-01 or default).
/// </summary>
[Category("Fidelity")]
public class AbsentFieldRoundTripTests
{
    private static readonly ExampleComposer Composer = new();

    private static readonly Lazy<JObject> PublishedSpec = new(() => (JObject)StrictJson.Parse(System.IO.File.ReadAllText(
        typeof(AbsentFieldRoundTripTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CheckoutOpenApiSpec").Value!)));

    /// <summary>The spec's response examples whose schema names a generated model (or a list of one).</summary>
    public static IEnumerable<TestCaseData> Examples()
    {
        foreach (var operation in CheckoutOperationCatalog.All)
        {
            foreach (var status in Composer.DocumentedStatuses(operation.Id))
            {
                if (Composer.ResponseMediaType(operation.Id, status)?.Contains("json", StringComparison.Ordinal) != true) continue;
                var schema = Composer.ResolveSchema(Composer.Operation(operation.Id)["responses"]?[status])?["content"]?.First?.First?["schema"];
                if (ModelOf(schema) is not { } model) continue;
                foreach (var example in Composer.ResponseExamples(operation.Id, status))
                {
                    yield return new TestCaseData(model, example.Value.ToString(Formatting.None)).SetArgDisplayNames($"{operation.Id} {status} {example.Name}");
                }
            }
        }
    }

    [Test]
    public void Examples_AreFound() =>
        Assert.That(Examples().Count(), Is.GreaterThan(50), "the round trip below would check almost nothing");

    [TestCaseSource(nameof(Examples))]
    public void ResponseExample_WithoutRequiredFields_WritesBackExactlyTheBodyRead(Type model, string example)
    {
        var body = StrictJson.Parse(example);
        Strip(body, RequiredNames.Value, DiscriminatorNames.Value);

        var written = StrictJson.Parse(CheckoutJson.Serialize(ModelSurfaceTests.Read(model, body.ToString(Formatting.None))));

        var differences = StrictJson.Differences(body, written);
        Assert.That(differences, Is.Empty, $"{model.Name} does not write back the body it read:\n" + string.Join("\n", differences));
    }

    private static readonly Lazy<HashSet<string>> RequiredNames = new(() => new HashSet<string>(
        Schemas(PublishedSpec.Value).SelectMany(s => (s["required"] as JArray)?.Values<string>() ?? []).OfType<string>(), StringComparer.Ordinal));

    private static readonly Lazy<HashSet<string>> DiscriminatorNames = new(() => new HashSet<string>(
        Schemas(PublishedSpec.Value).Select(s => (string?)s["discriminator"]?["propertyName"]).OfType<string>(), StringComparer.Ordinal));

    /// <summary>Every object of the document outside examples (schemas, and a few other objects that hold no required list).</summary>
    private static IEnumerable<JObject> Schemas(JToken node)
    {
        if (node is JObject o)
        {
            yield return o;
            foreach (var p in o.Properties().Where(p => p.Name is not ("example" or "examples")))
            {
                foreach (var s in Schemas(p.Value)) yield return s;
            }
        }
        else if (node is JArray a)
        {
            foreach (var s in a.SelectMany(Schemas)) yield return s;
        }
    }

    private static void Strip(JToken node, HashSet<string> required, HashSet<string> keep)
    {
        if (node is JObject o)
        {
            foreach (var p in o.Properties().ToList())
            {
                if (required.Contains(p.Name) && !keep.Contains(p.Name)) p.Remove();
                else Strip(p.Value, required, keep);
            }
        }
        else if (node is JArray a)
        {
            foreach (var item in a) Strip(item, required, keep);
        }
    }

    private static Type? ModelOf(JToken? schema)
    {
        if (schema is not JObject s) return null;
        if (s["$ref"]?.Value<string>() is { } reference)
        {
            var name = reference.Substring(reference.LastIndexOf('/') + 1);
            return GeneratedModels.All.FirstOrDefault(t => t.Name == name);
        }
        return (string?)s["type"] == "array" && ModelOf(s["items"]) is { } item ? typeof(List<>).MakeGenericType(item) : null;
    }
}
