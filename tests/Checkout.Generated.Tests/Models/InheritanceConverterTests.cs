using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Checkout.Generated.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Models;

/// <summary>
/// The discriminator converter, for every discriminated base of the spec: the direct path (discriminator first), the
/// buffered fallback (discriminator last) and the old JObject-based converter (<see cref="LegacyInheritanceConverter"/>)
/// give the same models and write the same JSON.
/// </summary>
[Category("Models")]
public class InheritanceConverterTests
{
    private static IEnumerable<TestCaseData> MappingCases() =>
        DiscriminatedModels.Mappings().Select(m => new TestCaseData(m.Base, m.Discriminator, m.Value, m.Subtype).SetArgDisplayNames(m.Base.Name, m.Value));

    private static IEnumerable<TestCaseData> BaseCases() =>
        DiscriminatedModels.Bases.Select(b => new TestCaseData(b.Base, b.Discriminator).SetArgDisplayNames(b.Base.Name));

    [Test]
    public void Bases_AreFoundInTheGeneratedAssembly()
    {
        Assert.That(DiscriminatedModels.Bases, Has.Count.GreaterThan(10), "the reflection below would check nothing");
        Assert.That(DiscriminatedModels.Mappings().Count(), Is.GreaterThan(DiscriminatedModels.Bases.Count));
    }

    [TestCaseSource(nameof(MappingCases))]
    public void Read_MappedValueFirstOrLast_GivesSubtypeAndWritesWhatTheOldConverterWrote(Type baseType, string discriminator, string value, Type subtype)
    {
        var first = DiscriminatedModels.Sample(subtype, discriminator, value);
        var last = DiscriminatedModels.DiscriminatorsLast(first);
        Assert.That(last.Properties().First().Name, Is.Not.EqualTo(discriminator), "the fallback body must not start with the discriminator");

        var fast = Read(baseType, first);
        var buffered = Read(baseType, last);
        var oracle = ReadLegacy(baseType, first);

        var written = CheckoutJson.Serialize(fast);
        Assert.Multiple(() =>
        {
            Assert.That(fast!.GetType(), Is.EqualTo(subtype), "direct path");
            Assert.That(buffered!.GetType(), Is.EqualTo(subtype), "buffered path");
            Assert.That(DiscriminatedModels.State(fast), Is.EqualTo(DiscriminatedModels.State(oracle)), "direct read against the old converter's");
            Assert.That(DiscriminatedModels.State(buffered), Is.EqualTo(DiscriminatedModels.State(oracle)), "buffered read against the old converter's");
            Assert.That(written, Is.EqualTo(WriteLegacy(oracle)), "direct read and write against the old converter's");
            Assert.That(CheckoutJson.Serialize(buffered), Is.EqualTo(written), "buffered read against the direct one");
            Assert.That(written, Is.EqualTo(WriteLegacy(fast)), "the same model written by both converters");
            Assert.That(JObject.Parse(written).Properties().First().Name, Is.EqualTo(discriminator), written);
            Assert.That(StrictJson.Differences(StrictJson.Parse(first.ToString()), StrictJson.Parse(written)), Is.Empty, written);
        });
    }

    /// <summary>Bodies whose discriminator selects no subtype: missing, unknown, null, not a string, an empty object.</summary>
    private static readonly (string Name, Func<string, JObject> Body)[] Unmapped =
    {
        ("missing", _ => new JObject { [DiscriminatedModels.UnknownField] = "kept", ["b"] = 1 }),
        ("unknown value", d => new JObject { [d] = "x_value_newer_than_the_spec", [DiscriminatedModels.UnknownField] = "kept" }),
        ("null", d => new JObject { [d] = null, [DiscriminatedModels.UnknownField] = "kept" }),
        ("number", d => new JObject { [d] = 12, [DiscriminatedModels.UnknownField] = "kept" }),
        ("object", d => new JObject { [d] = new JObject { ["nested"] = new JArray(1, "two") }, [DiscriminatedModels.UnknownField] = "kept" }),
        ("empty object", _ => new JObject()),
    };

    [TestCaseSource(nameof(BaseCases))]
    public void Read_DiscriminatorSelectingNoSubtype_BehavesAsTheOldConverter(Type baseType, string discriminator)
    {
        Assert.Multiple(() =>
        {
            foreach (var (name, compose) in Unmapped)
            {
                var first = compose(discriminator);
                var last = DiscriminatedModels.DiscriminatorsLast(first);
                Assert.That(Outcome(() => CheckoutJson.Serialize(Read(baseType, first))), Is.EqualTo(Outcome(() => WriteLegacy(ReadLegacy(baseType, first)))), name + ", first");
                Assert.That(Outcome(() => CheckoutJson.Serialize(Read(baseType, last))), Is.EqualTo(Outcome(() => WriteLegacy(ReadLegacy(baseType, last)))), name + ", last");
                Assert.That(Outcome(() => DiscriminatedModels.State(Read(baseType, first))), Is.EqualTo(Outcome(() => DiscriminatedModels.State(ReadLegacy(baseType, first)))), name + ", first, state");
                Assert.That(Outcome(() => DiscriminatedModels.State(Read(baseType, last))), Is.EqualTo(Outcome(() => DiscriminatedModels.State(ReadLegacy(baseType, last)))), name + ", last, state");
            }
        });
    }

    [TestCaseSource(nameof(BaseCases))]
    public void Read_UnknownValue_GivesDeclaredTypeAndWritesTheBodyBackUnchanged(Type baseType, string discriminator)
    {
        if (baseType.IsAbstract) Assert.Ignore($"{baseType.Name} is abstract: an unknown value cannot be read into it.");
        var body = new JObject { [discriminator] = "x_value_newer_than_the_spec", [DiscriminatedModels.UnknownField] = new JObject { ["n"] = 1040 } };

        var model = Read(baseType, body);

        Assert.Multiple(() =>
        {
            Assert.That(model!.GetType(), Is.EqualTo(baseType));
            Assert.That(StrictJson.Differences(body, StrictJson.Parse(CheckoutJson.Serialize(model))), Is.Empty);
        });
    }

    [TestCaseSource(nameof(BaseCases))]
    public void Read_JsonNull_GivesNull(Type baseType, string discriminator)
    {
        Assert.That(JsonConvert.DeserializeObject("null", baseType, CheckoutJson.Configure(new JsonSerializerSettings())), Is.Null);
    }

    [Test]
    public void Read_PolymorphicPropertyInsidePolymorphicObject_ReadsBothSubtypesOnEitherPath()
    {
        var nesting = (from mapping in DiscriminatedModels.Mappings()
                       from property in mapping.Subtype.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                       where property.GetCustomAttribute<JsonPropertyAttribute>() is not null && DiscriminatedModels.IsDiscriminated(property.PropertyType)
                       select (mapping, property)).ToList();
        if (nesting.Count == 0) Assert.Ignore("No subtype of this release has a discriminated property.");
        TestContext.Out.WriteLine($"{nesting.Count} discriminated properties of subtypes");

        Assert.Multiple(() =>
        {
            foreach (var (mapping, property) in nesting)
            {
                var body = DiscriminatedModels.Sample(mapping.Subtype, mapping.Discriminator, mapping.Value);
                var name = property.GetCustomAttribute<JsonPropertyAttribute>()!.PropertyName!;
                if (body[name] is not JObject inner) continue;
                var expectedInner = Read(property.PropertyType, inner)!.GetType();
                foreach (var variant in new[] { body, DiscriminatedModels.DiscriminatorsLast(body) })
                {
                    var model = Read(mapping.Base, variant)!;
                    Assert.That(model.GetType(), Is.EqualTo(mapping.Subtype));
                    Assert.That(property.GetValue(model)?.GetType(), Is.EqualTo(expectedInner).And.Not.EqualTo(property.PropertyType), $"{mapping.Subtype.Name}.{property.Name}");
                    Assert.That(CheckoutJson.Serialize(model), Is.EqualTo(WriteLegacy(ReadLegacy(mapping.Base, variant))));
                    Assert.That(DiscriminatedModels.State(model), Is.EqualTo(DiscriminatedModels.State(ReadLegacy(mapping.Base, variant))));
                }
            }
        });
    }

    [Test]
    public void Read_ArrayOfPolymorphicItems_ReadsEachItemsSubtypeInOrder()
    {
        var arrays = (from model in GeneratedModels.All
                      where !model.IsAbstract && model.GetConstructor(Type.EmptyTypes) is not null
                      from property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                      where property.DeclaringType == model && property.GetCustomAttribute<JsonPropertyAttribute>() is not null
                      let item = ItemType(property.PropertyType)
                      where item is not null && DiscriminatedModels.IsDiscriminated(item)
                      select (model, property, item)).ToList();
        if (arrays.Count == 0) Assert.Ignore("No model of this release has an array of discriminated items.");
        TestContext.Out.WriteLine($"{arrays.Count} arrays of discriminated items: " + string.Join(", ", arrays.Select(a => a.model.Name + "." + a.property.Name)));

        Assert.Multiple(() =>
        {
            foreach (var (model, property, item) in arrays)
            {
                var discriminator = DiscriminatedModels.DiscriminatorNameOf(item);
                var mapped = item.GetCustomAttributes<JsonInheritanceAttribute>(inherit: true).Where(a => item.IsAssignableFrom(a.Type)).ToList();
                var items = new JArray(mapped.Select(a => DiscriminatedModels.Sample(a.Type, discriminator, a.Key, depth: 2)));
                if (!item.IsAbstract) items.Add(new JObject { [discriminator] = "x_value_newer_than_the_spec", ["n"] = 1 });
                var body = new JObject { [property.GetCustomAttribute<JsonPropertyAttribute>()!.PropertyName!] = items };

                foreach (var variant in new[] { body, DiscriminatedModels.DiscriminatorsLast(body) })
                {
                    var read = (IEnumerable)property.GetValue(Read(model, variant))!;
                    var expected = mapped.Select(a => a.Type).Concat(item.IsAbstract ? Array.Empty<Type>() : new[] { item });
                    Assert.That(read.Cast<object>().Select(o => o.GetType()), Is.EqualTo(expected), $"{model.Name}.{property.Name}");
                    Assert.That(CheckoutJson.Serialize(Read(model, variant)), Is.EqualTo(WriteLegacy(ReadLegacy(model, variant))), $"{model.Name}.{property.Name}");
                }
            }
        });
    }

    [TestCaseSource(nameof(MappingCases))]
    public void Write_SubtypeBuiltInCode_WritesDiscriminatorOnceFirstAndOnlyWhatWasSet(Type baseType, string discriminator, string value, Type subtype)
    {
        var constructor = subtype.GetConstructor(Type.EmptyTypes);
        if (constructor is null) Assert.Ignore($"{subtype.Name} has no parameterless constructor.");
        var model = constructor!.Invoke(null);
        var additional = (IDictionary<string, object>)subtype.GetProperty("AdditionalProperties")!.GetValue(model)!;
        additional[DiscriminatedModels.UnknownField] = "kept";

        var written = CheckoutJson.Serialize(model);

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(WriteLegacy(model)));
            Assert.That(written, Is.EqualTo(new JObject { [discriminator] = value, [DiscriminatedModels.UnknownField] = "kept" }.ToString(Formatting.None)));
        });
    }

    [Test]
    public void Read_BadValueInsidePolymorphicObject_NamesTheFullJsonPath()
    {
        var (mapping, property) = (from m in DiscriminatedModels.Mappings()
                                   from p in m.Subtype.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                                   where (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) == typeof(long) && p.GetCustomAttribute<JsonPropertyAttribute>() is not null
                                   select (m, p)).First();
        var name = property.GetCustomAttribute<JsonPropertyAttribute>()!.PropertyName!;
        var json = new JObject { ["outer"] = new JArray(new JObject { [mapping.Discriminator] = mapping.Value, [name] = "not a number" }) }.ToString();
        var holder = typeof(Holder<>).MakeGenericType(mapping.Base);

        var error = Assert.Throws(Is.InstanceOf<JsonException>(), () => JsonConvert.DeserializeObject(json, holder, CheckoutJson.Configure(new JsonSerializerSettings())));

        Assert.That(error!.Message, Does.Contain($"outer[0].{name}"));
    }

    [Test]
    public void Write_SubtypeHoldingItself_FailsWithALoopErrorNotAStackOverflow()
    {
        var subtype = DiscriminatedModels.Mappings().Select(m => m.Subtype).First(t => t.GetConstructor(Type.EmptyTypes) is not null);
        var model = Activator.CreateInstance(subtype)!;
        ((IDictionary<string, object>)subtype.GetProperty("AdditionalProperties")!.GetValue(model)!)["self"] = model;

        var error = Assert.Throws<JsonSerializationException>(() => CheckoutJson.Serialize(model));

        Assert.That(error!.Message, Does.Contain("Self referencing loop"));
    }

    /// <summary>A wrapper that holds discriminated values in an array, as a response model would.</summary>
    public sealed class Holder<T>
    {
        [JsonProperty("outer")]
        public List<T>? Outer { get; set; }
    }

    private static Type? ItemType(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(string) ? item : null;

    private static object? Read(Type type, JObject body) => JsonConvert.DeserializeObject(body.ToString(Formatting.None), type, CheckoutJson.Configure(new JsonSerializerSettings()));

    private static object? ReadLegacy(Type type, JObject body) => JsonConvert.DeserializeObject(body.ToString(Formatting.None), type, LegacyInheritanceConverter.Settings);

    private static string WriteLegacy(object? model) => JsonConvert.SerializeObject(model, LegacyInheritanceConverter.Settings);

    private static string Outcome(Func<string> act)
    {
        try
        {
            return act();
        }
        catch (JsonException e)
        {
            return "throws " + e.GetType().Name;
        }
    }
}
