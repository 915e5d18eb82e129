using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Checkout.Generated.Codegen;
using Checkout.Generated.Codegen.Shaping;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>
/// The value types of the built library, whichever spec it was built from: one per distinct value set, every property
/// that carries known values typed with one, and each behaving as an extensible enum (unknown values round-trip).
/// </summary>
[Category("Codegen")]
public class ValueTypeSurfaceTests
{
    private static readonly Assembly Library = typeof(CheckoutOperation).Assembly;

    /// <summary>The generated value types: public structs serialised by <c>CheckoutValueConverter&lt;T&gt;</c>.</summary>
    internal static IReadOnlyList<Type> ValueTypes { get; } = Library.GetExportedTypes()
        .Where(t => t.IsValueType && t.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType is { IsGenericType: true } c
            && c.GetGenericTypeDefinition().Name.StartsWith("CheckoutValueConverter", StringComparison.Ordinal))
        .ToList();

    private static IEnumerable<TestCaseData> EachValueType() => ValueTypes.Select(t => new TestCaseData(t).SetArgDisplayNames(t.Name));

    private static IReadOnlyList<string> KnownValues(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type).Select(p => p.GetValue(null)!.ToString()!).ToList();

    [Test]
    public void ValueTypes_AreFound_OnePerDistinctValueSet()
    {
        Assert.That(ValueTypes, Has.Count.GreaterThan(10), "the spec's string enums became value types");
        var duplicated = ValueTypes.GroupBy(t => string.Join("|", KnownValues(t).OrderBy(v => v, StringComparer.Ordinal)))
            .Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(t => t.Name)));
        Assert.That(duplicated, Is.Empty);
    }

    [Test]
    public void NormalisedSpec_KeepsNoStringTypedKnownValues_OutsideDiscriminators()
    {
        // Operations' parameters are checked where they are used (a shared one no operation uses generates nothing).
        var file = typeof(ValueTypeSurfaceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CheckoutOpenApiSpec").Value!;
        var document = Normaliser.Normalise(JObject.Parse(System.IO.File.ReadAllText(file))).Document;
        var schemas = (JObject)document["components"]!["schemas"]!;
        var discriminators = schemas.Properties().Select(p => p.Value["discriminator"]?["propertyName"]?.Value<string>()).OfType<string>().ToHashSet();

        var stringly = OpenApi.Objects(document)
            .Where(o => !o.Pointer.Contains("/example", StringComparison.Ordinal) && !o.Pointer.StartsWith("/components/parameters/", StringComparison.Ordinal) && o.Node["x-enum-values"] is JArray values && values.All(v => v.Type is JTokenType.String or JTokenType.Null))
            .Where(o => !discriminators.Contains(o.Pointer.Split('/')[^1]))
            .Select(o => o.Pointer).ToList();
        var declared = schemas.Properties().Where(p => p.Value[ValueTypeRule.Extension] is not null).ToDictionary(p => p.Name, p => p.Value["enum"]!.Values<string>().ToList());

        Assert.That(stringly, Is.Empty, "known string values left on a string");
        Assert.Multiple(() =>
        {
            foreach (var (name, values) in declared)
            {
                var type = Library.GetType("Checkout.Generated.Models." + name);
                Assert.That(type, Is.Not.Null, name);
                if (type is not null) Assert.That(KnownValues(type), Is.EquivalentTo(values), name);
            }
        });
    }

    [TestCaseSource(nameof(EachValueType))]
    public void ValueType_BehavesAsAnExtensibleEnum(Type type) =>
        typeof(ValueTypeSurfaceTests).GetMethod(nameof(Behaves), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, null);

    private static void Behaves<T>() where T : struct, IEquatable<T>
    {
        var fromString = (Func<string, T>)typeof(T).GetMethod("op_Implicit", [typeof(string)])!.CreateDelegate(typeof(Func<string, T>));
        var equals = (Func<T, T, bool>)typeof(T).GetMethod("op_Equality")!.CreateDelegate(typeof(Func<T, T, bool>));
        var known = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Static).First(p => p.PropertyType == typeof(T));
        var value = (T)known.GetValue(null)!;
        var unknown = fromString("value-newer-than-the-spec");

        Assert.Multiple(() =>
        {
            Assert.That(typeof(T).IsValueType && typeof(T).GetCustomAttribute<System.Runtime.CompilerServices.IsReadOnlyAttribute>() is not null, Is.True, "a readonly struct");
            Assert.That(ReferenceEquals(known.GetValue(null)!.ToString(), known.GetValue(null)!.ToString()), Is.True, "a known value is one cached string");
            Assert.That(equals(value, fromString(value.ToString()!)), Is.True, "equal to the string it holds");
            Assert.That(equals(value, unknown), Is.False);
            Assert.That(value.GetHashCode(), Is.EqualTo(fromString(value.ToString()!).GetHashCode()));
            Assert.That(JsonConvert.SerializeObject(unknown), Is.EqualTo("\"value-newer-than-the-spec\""));
            Assert.That(JsonConvert.DeserializeObject<T>("\"value-newer-than-the-spec\""), Is.EqualTo(unknown));
            Assert.That(JsonConvert.DeserializeObject<T?>("null"), Is.Null);
            Assert.That(fromString(null!), Is.EqualTo(default(T)), "null converts to default, the absence of a value");
            Assert.That(JsonConvert.SerializeObject(default(T)), Is.EqualTo("null"));
            var list = JsonConvert.DeserializeObject<List<T>>(JsonConvert.SerializeObject(new[] { value, unknown }))!;
            Assert.That(list, Is.EqualTo(new[] { value, unknown }), "values in a list round-trip through the converter");
            var error = Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<T>("42"))!;
            Assert.That(error.Message, Does.Contain("Expected a string"));
        });
    }
}
