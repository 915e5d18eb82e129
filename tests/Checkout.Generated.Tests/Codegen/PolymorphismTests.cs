using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>Every discriminated base class reads each of its values into the right subtype and writes the value back.</summary>
[Category("Codegen")]
public class PolymorphismTests
{
    /// <summary>Classes that declare the inheritance converter themselves (the bases), with its discriminator property.</summary>
    private static readonly (Type Base, string Property)[] Bases = typeof(CheckoutOperation).Assembly.GetTypes()
        .Select(t => (Type: t, Converter: t.GetCustomAttributesData().FirstOrDefault(a =>
            a.AttributeType == typeof(JsonConverterAttribute) && a.ConstructorArguments[0].Value is Type c && c.Name == "JsonInheritanceConverter")))
        .Where(x => x.Converter is not null)
        .Select(x => (x.Type, (string)((IReadOnlyCollection<CustomAttributeTypedArgument>)x.Converter!.ConstructorArguments[1].Value!).Single().Value!))
        .OrderBy(x => x.Type.Name, StringComparer.Ordinal)
        .ToArray();

    private static IEnumerable<(Type Base, string Property, string Value, Type Subtype)> Mappings() =>
        Bases.SelectMany(b => b.Base.GetCustomAttributesData()
            .Where(a => a.AttributeType.Name == "JsonInheritanceAttribute")
            .Select(a => (b.Base, b.Property, (string)a.ConstructorArguments[0].Value!, (Type)a.ConstructorArguments[1].Value!)));

    private static IEnumerable<TestCaseData> Cases() =>
        Mappings().Select(m => new TestCaseData(m.Base, m.Property, m.Value, m.Subtype).SetArgDisplayNames(m.Base.Name, m.Value));

    [Test]
    public void DiscriminatedBases_AreAsManyAsTheNormalisedDocumentsDiscriminators_AndEachMapsItsValues()
    {
        var document = Checkout.Generated.Testing.SpecDocument.Load();
        var discriminators = Checkout.Generated.Codegen.OpenApi.Objects(document).Select(o => o.Node["discriminator"]).OfType<JObject>().ToList();
        var valuesPerBase = Bases.Select(b => Mappings().Where(m => m.Base == b.Base).Select(m => m.Value).ToHashSet(StringComparer.Ordinal)).ToList();
        TestContext.Out.WriteLine($"{Bases.Length} discriminated bases, {Mappings().Count()} (base, value, subtype) mappings; " +
                                  $"document: {discriminators.Count} discriminators, {discriminators.Sum(d => (d["mapping"] as JObject)?.Count ?? 0)} mapping values");
        Assert.Multiple(() =>
        {
            Assert.That(Bases, Has.Length.EqualTo(discriminators.Count));
            Assert.That(Bases.Where(b => !Mappings().Any(m => m.Base == b.Base)).Select(b => b.Base.Name), Is.Empty, "bases without any mapped subtype");
            foreach (var mapping in discriminators.Select(d => d["mapping"]).OfType<JObject>())
            {
                var values = mapping.Properties().Select(p => p.Name).ToList();
                Assert.That(valuesPerBase.Any(v => v.IsSupersetOf(values)), Is.True, "no generated base maps " + string.Join(", ", values));
            }
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void Deserialise_DiscriminatorValue_GivesMappedSubtype_AndSerialiseWritesValueBackOnce(Type baseType, string property, string value, Type subtype)
    {
        Assert.That(subtype.IsAssignableTo(baseType), $"{subtype.Name} does not extend {baseType.Name}");
        var json = new JObject { [property] = value, ["x_unknown_field"] = "kept" }.ToString();

        var model = JsonConvert.DeserializeObject(json, baseType);

        Assert.That(model, Is.Not.Null);
        Assert.That(model!.GetType(), Is.EqualTo(subtype));
        var written = JsonConvert.SerializeObject(model);
        var names = TopLevelPropertyNames(written);
        Assert.Multiple(() =>
        {
            Assert.That(names.Count(n => n == property), Is.EqualTo(1), written);
            Assert.That(JObject.Parse(written)[property]?.Value<string>(), Is.EqualTo(value), written);
            Assert.That(JObject.Parse(written)["x_unknown_field"]?.Value<string>(), Is.EqualTo("kept"), written);
        });
    }

    private static List<string> TopLevelPropertyNames(string json)
    {
        var names = new List<string>();
        using var reader = new JsonTextReader(new StringReader(json));
        while (reader.Read())
        {
            if (reader.TokenType == JsonToken.PropertyName && reader.Depth == 1) names.Add((string)reader.Value!);
        }
        return names;
    }
}
