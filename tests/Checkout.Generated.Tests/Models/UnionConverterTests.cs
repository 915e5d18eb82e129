using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Checkout.Generated.Internal;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Models;

/// <summary>Every generated union (a body of several schemas without discriminator), read straight from the reader.</summary>
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
}
