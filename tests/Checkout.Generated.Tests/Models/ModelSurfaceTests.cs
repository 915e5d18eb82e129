using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Models;

/// <summary>Every generated model, by reflection: nothing invented, nothing dropped, absent told apart from a value.</summary>
[Category("Fidelity")]
public class ModelSurfaceTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    private static IEnumerable<TestCaseData> ObjectModels() =>
        GeneratedModels.All.Where(t => !t.IsAbstract && GeneratedModels.IsObject(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => new TestCaseData(t).SetArgDisplayNames(t.Name));

    [Test]
    public void Models_AreFound()
    {
        Assert.That(GeneratedModels.All, Has.Count.GreaterThan(100), "the reflection below would check nothing");
        Assert.That(GeneratedModels.ReachableFromResults, Has.Count.GreaterThan(50));
    }

    [TestCaseSource(nameof(ObjectModels))]
    public void Model_EmptyBodyWithAnUnknownField_WritesBackExactlyThatField(Type model)
    {
        const string unknown = """{"x_field_newer_than_the_spec":{"at":"2023-06-15T07:03:01.9998684","n":1040,"rate":10.50,"big":3000000000,"list":[true,null]}}""";
        var body = JObject.Parse(unknown);
        var discriminator = GeneratedModels.DiscriminatorOf(model);

        var written = JObject.Parse(CheckoutJson.Serialize(Read(model, unknown)));

        if (discriminator is not null) written.Remove(discriminator);
        Assert.That(written.ToString(Formatting.None), Is.EqualTo(body.ToString(Formatting.None)),
            $"{model.Name} invents a field or loses or changes the unknown one");
    }

    [Test]
    public void ModelsAResponseCanHold_EveryProperty_IsNullableAndMayBeAbsent()
    {
        var wrong = (from model in GeneratedModels.ReachableFromResults
                     from p in GeneratedModels.JsonProperties(model)
                     where p.Property.DeclaringType == model
                     where !IsNullable(p.Property) || p.Json.Required != Required.Default
                     select $"{model.Name}.{p.Property.Name} ({p.Property.PropertyType.Name}, Required.{p.Json.Required})").ToList();

        Assert.That(wrong, Is.Empty, "an absent field would read as a value:\n" + string.Join("\n", wrong));
    }

    [Test]
    public void RequestOnlyModels_RequiredProperty_SaysRequiredInItsDocs()
    {
        var required = (from model in GeneratedModels.All
                        from p in GeneratedModels.JsonProperties(model)
                        where p.Property.DeclaringType == model && p.Json.Required != Required.Default
                        select p.Property).ToList();
        var docs = XDocument.Load(Path.ChangeExtension(GeneratedModels.Assembly.Location, ".xml"));
        var summaries = docs.Descendants("member").ToDictionary(m => (string)m.Attribute("name")!, m => ((string?)m.Element("summary"))?.Trim() ?? "");

        if (required.Count == 0) Assert.Ignore("this spec release has no request-only schema with required fields");
        var undocumented = required.Where(p => !summaries.TryGetValue($"P:{p.DeclaringType!.FullName}.{p.Name}", out var s) || !s.StartsWith("Required.", StringComparison.Ordinal))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}").ToList();
        var responseSide = required.Where(p => GeneratedModels.ReachableFromResults.Contains(p.DeclaringType!)).Select(p => $"{p.DeclaringType!.Name}.{p.Name}").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(undocumented, Is.Empty, "a required request field's summary starts with \"Required.\"");
            Assert.That(responseSide, Is.Empty, "only request models keep required fields");
        });
    }

    internal static object Read(Type model, string json) =>
        typeof(CheckoutJson).GetMethod(nameof(CheckoutJson.Deserialize))!.MakeGenericMethod(model).Invoke(null, [json])!;

    private static bool IsNullable(PropertyInfo property) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : Nullability.Create(property).ReadState == NullabilityState.Nullable;
}
