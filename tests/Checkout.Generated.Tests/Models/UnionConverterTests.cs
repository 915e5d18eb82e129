using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Checkout.Generated.Internal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Models;

/// <summary>Every generated union (a body, property, item or map value of several schemas without discriminator), read straight from the reader.</summary>
[Category("Models")]
public class UnionConverterTests
{
    private static readonly IReadOnlyList<Type> Unions = GeneratedModels.Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType == typeof(CheckoutUnionConverter))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    private static IEnumerable<TestCaseData> Cases() => Unions.Select(t => new TestCaseData(t).SetArgDisplayNames(t.Name));

    private static PropertyInfo[] Alternatives(Type union) =>
        union.GetProperties().Where(p => p.GetCustomAttribute<JsonPropertyAttribute>() is not null).ToArray();

    [TestCaseSource(nameof(Cases))]
    public void Read_ObjectInsideAnArray_FillsTheFirstObjectAlternativeAndWritesItBack(Type union)
    {
        var first = Alternatives(union).FirstOrDefault(p => p.PropertyType.IsClass && p.PropertyType != typeof(string) && p.PropertyType.GetProperty("AdditionalProperties") is not null);
        if (first is null) Assert.Ignore($"{union.Name} has no object alternative.");
        const string json = """[{"x_field_newer_than_the_spec":{"n":1040}},{"x_field_newer_than_the_spec":"second"}]""";

        var read = (System.Collections.IList)JsonConvert.DeserializeObject(json, typeof(List<>).MakeGenericType(union), CheckoutJson.Configure(new JsonSerializerSettings()))!;

        Assert.Multiple(() =>
        {
            Assert.That(read, Has.Count.EqualTo(2), "the reader is left at the end of each item");
            Assert.That(read.Cast<object>().Select(u => first!.GetValue(u)?.GetType()), Is.All.EqualTo(first!.PropertyType));
            Assert.That(CheckoutJson.Serialize(read), Is.EqualTo(json));
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void Read_JsonTypeNoAlternativeHas_FailsNamingTheJsonType(Type union)
    {
        if (Alternatives(union).Any(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) == typeof(bool)))
            Assert.Ignore($"{union.Name} has a boolean alternative.");

        var error = Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject("[true]", typeof(List<>).MakeGenericType(union), CheckoutJson.Configure(new JsonSerializerSettings())));

        Assert.That(error!.Message, Does.Contain("A JSON boolean matches none of " + union.Name));
    }

    [TestCaseSource(nameof(Cases))]
    public void Write_HoldingNoAlternative_FailsNamingThem(Type union)
    {
        var error = Assert.Throws<JsonSerializationException>(() => CheckoutJson.Serialize(Activator.CreateInstance(union)));

        Assert.That(error!.Message, Does.Contain("must hold exactly one of").And.Contain("(it holds 0)"));
    }

    /// <summary>Several object alternatives (<c>PaymentRequest.ThreeDs</c>): an object reads as the alternative its fields fit.</summary>
    [Test]
    public void Read_ObjectOfOneAlternative_ReadsAsThatAlternativeAndWritesItBack()
    {
        var settings = CheckoutJson.Configure(new JsonSerializerSettings());
        var composer = Contract.ContractCases.Composer;
        var schemas = (JObject)composer.Document["components"]!["schemas"]!;
        var checkedCount = 0;
        Assert.Multiple(() =>
        {
            foreach (var union in Unions)
            {
                var objects = Alternatives(union).Where(p => p.PropertyType.IsClass && p.PropertyType != typeof(string) && p.PropertyType.GetProperty("AdditionalProperties") is not null).ToList();
                if (objects.Count < 2) continue;
                var fields = objects.ToDictionary(p => p, p => GeneratedModels.JsonProperties(p.PropertyType).Select(j => j.Json.PropertyName!).ToHashSet(StringComparer.OrdinalIgnoreCase));
                foreach (var alternative in objects)
                {
                    if (schemas[alternative.PropertyType.Name] is null) continue;
                    var example = composer.Compose(new JObject { ["$ref"] = "#/components/schemas/" + alternative.PropertyType.Name }).FirstOrDefault()?.Value as JObject;
                    // Only an example with a field no other alternative declares says which alternative it is.
                    if (example is null || !example.Properties().Any(f => objects.Where(o => o != alternative).All(o => !fields[o].Contains(f.Name)))) continue;
                    checkedCount++;
                    var read = JsonConvert.DeserializeObject(example.ToString(Formatting.None), union, settings)!;
                    Assert.That(alternative.GetValue(read)?.GetType(), Is.EqualTo(alternative.PropertyType), $"{union.Name}: {example.ToString(Formatting.None)}");
                    Assert.That(JObject.Parse(CheckoutJson.Serialize(read)).Properties().Select(f => f.Name), Is.EquivalentTo(example.Properties().Select(f => f.Name)), $"{union.Name}.{alternative.Name} writes back the fields it read");
                }
            }
        });
        if (checkedCount == 0) Assert.Ignore("no union of this spec release has object alternatives told apart by their fields");
    }
}
