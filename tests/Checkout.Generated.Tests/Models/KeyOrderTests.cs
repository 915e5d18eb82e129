using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Checkout.Generated.Internal;
using Checkout.Generated.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Models;

/// <summary>
/// Issue 19 point 9: a discriminated object reads the same wherever its discriminator stands among its keys (real
/// answers often start <c>source</c> with <c>id</c>), names the same JSON path in a read error, and costs no tree.
/// </summary>
[Category("Models")]
public class KeyOrderTests
{
    private const string CardNumber = "4242 4242 4242 4242";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(CheckoutJson.Configure(new JsonSerializerSettings()));

    private static IEnumerable<TestCaseData> MappingCases() =>
        DiscriminatedModels.Mappings().Select(m => new TestCaseData(m.Base, m.Discriminator, m.Value, m.Subtype).SetArgDisplayNames(m.Base.Name, m.Value));

    [TestCaseSource(nameof(MappingCases))]
    public void Read_DiscriminatorAfterAnotherKey_GivesTheModelOfTheDiscriminatorFirst(Type baseType, string discriminator, string value, Type subtype)
    {
        var first = DiscriminatedModels.Sample(subtype, discriminator, value);
        var second = DiscriminatorsSecond(first);
        Assert.That(second.Properties().ElementAt(1).Name, Is.EqualTo(discriminator), "the body must have the discriminator second");

        var fromFirst = Read(baseType, first.ToString(Formatting.None));
        var fromSecond = Read(baseType, second.ToString(Formatting.None));

        Assert.Multiple(() =>
        {
            Assert.That(fromSecond!.GetType(), Is.EqualTo(subtype));
            Assert.That(DiscriminatedModels.State(fromSecond), Is.EqualTo(DiscriminatedModels.State(fromFirst)));
            Assert.That(CheckoutJson.Serialize(fromSecond), Is.EqualTo(CheckoutJson.Serialize(fromFirst)));
        });
    }

    [Test]
    public void Read_BadValueBeforeOrAfterTheDiscriminator_NamesTheSamePathAndPositionAndNoValue()
    {
        var (mapping, name) = FirstProperty(t => t == typeof(long) || t == typeof(int) || t == typeof(bool));
        var orders = new Dictionary<string, JObject>
        {
            ["type first"] = new() { [mapping.Discriminator] = mapping.Value, [DiscriminatedModels.UnknownField] = "x", [name] = CardNumber },
            ["id first"] = new() { [DiscriminatedModels.UnknownField] = "x", [mapping.Discriminator] = mapping.Value, [name] = CardNumber },
            ["bad value before the type"] = new() { [DiscriminatedModels.UnknownField] = "x", [name] = CardNumber, [mapping.Discriminator] = mapping.Value },
        };

        Assert.Multiple(() =>
        {
            foreach (var (order, item) in orders)
            {
                var json = new JObject { ["outer"] = new JArray(new JObject { ["n"] = 1 }, item) }.ToString(Formatting.Indented);
                var error = ReadError(typeof(InheritanceConverterTests.Holder<>).MakeGenericType(mapping.Base), json);
                Assert.That(error.Path, Is.EqualTo($"outer[1].{name}"), order);
                Assert.That((error.LineNumber, error.LinePosition), Is.EqualTo(PositionOf(json, $"outer[1].{name}")), order);
                Assert.That(error.Message, Does.Contain($"JSON path 'outer[1].{name}'").And.Not.Contain("4242"), order);
            }
        });
    }

    [Test]
    public void Read_FractionInA32BitFieldBeforeTheDiscriminator_IsAnErrorAsAfterIt()
    {
        var (mapping, name) = FirstProperty(t => t == typeof(int));
        var after = new JObject { [mapping.Discriminator] = mapping.Value, [name] = 65.4m }.ToString(Formatting.None);
        var before = new JObject { [name] = 65.4m, [mapping.Discriminator] = mapping.Value }.ToString(Formatting.None);

        var afterError = ReadError(mapping.Base, after);
        var beforeError = ReadError(mapping.Base, before);

        Assert.Multiple(() =>
        {
            Assert.That(afterError.Path, Is.EqualTo(name));
            Assert.That(beforeError.Path, Is.EqualTo(name), "a replayed number with a fraction is not rounded into the int");
            Assert.That(Positionless(beforeError.Problem), Is.EqualTo(Positionless(afterError.Problem)));
        });
    }

    [Test]
    public void Read_NestedDiscriminatedObjectBeforeBothDiscriminators_ReadsBothSubtypesAndNamesTheNestedPath()
    {
        var nesting = (from mapping in DiscriminatedModels.Mappings()
                       from property in mapping.Subtype.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                       where property.GetCustomAttribute<JsonPropertyAttribute>() is not null && DiscriminatedModels.IsDiscriminated(property.PropertyType)
                       let inner = DiscriminatedModels.Sample(mapping.Subtype, mapping.Discriminator, mapping.Value)[property.GetCustomAttribute<JsonPropertyAttribute>()!.PropertyName!] as JObject
                       where inner is not null && inner.Properties().Any(IsScalarField)
                       select (mapping, property, inner)).FirstOrDefault();
        if (nesting.mapping.Base is null) Assert.Ignore("No subtype of this release has a discriminated property with a scalar field.");
        var (outer, discriminated, _) = nesting;
        var name = discriminated.GetCustomAttribute<JsonPropertyAttribute>()!.PropertyName!;
        var typeFirst = DiscriminatedModels.Sample(outer.Subtype, outer.Discriminator, outer.Value);
        var body = DiscriminatedModels.DiscriminatorsLast(typeFirst);
        Assert.That(body.Properties().Last().Name, Is.EqualTo(outer.Discriminator), "the nested object must come before the outer discriminator");

        var model = Read(outer.Base, body.ToString(Formatting.None))!;
        var field = ((JObject)typeFirst[name]!).Properties().First(IsScalarField).Name;
        var bad = (JObject)typeFirst.DeepClone();
        bad[name]![field] = new JArray(CardNumber);
        var directError = ReadError(outer.Base, bad.ToString(Formatting.None));
        var replayedError = ReadError(outer.Base, DiscriminatedModels.DiscriminatorsLast(bad).ToString(Formatting.None));

        Assert.Multiple(() =>
        {
            Assert.That(model.GetType(), Is.EqualTo(outer.Subtype));
            Assert.That(discriminated.GetValue(model)!.GetType(), Is.EqualTo(Read(discriminated.PropertyType, typeFirst[name]!.ToString(Formatting.None))!.GetType()));
            Assert.That(DiscriminatedModels.State(model), Is.EqualTo(DiscriminatedModels.State(Read(outer.Base, typeFirst.ToString(Formatting.None)))));
            Assert.That(directError.Path, Does.StartWith($"{name}.{field}"), "the error with both discriminators first");
            Assert.That(replayedError.Path, Is.EqualTo(directError.Path), "the error in the nested object, replayed twice");
            Assert.That(replayedError.Message, Does.Not.Contain("4242"));
        });
    }

    [Test]
    public void Read_IdFirstSource_AllocatesWithinAQuarterKilobyteOfTypeFirst()
    {
        var typeFirst = DiscriminatedModels.Sample(typeof(PaymentResponse), null, null);
        Assert.That(typeFirst["source"], Is.InstanceOf<JObject>(), "the sample must carry a discriminated source");
        var idFirst = DiscriminatorsSecond(typeFirst);
        Assert.That(((JObject)idFirst["source"]!).Properties().First().Name, Is.Not.EqualTo(DiscriminatedModels.DiscriminatorNameOf(typeof(PaymentResponse).GetProperty("Source")!.PropertyType)));
        var first = typeFirst.ToString(Formatting.None);
        var second = idFirst.ToString(Formatting.None);
        Assert.That(CheckoutJson.Serialize(Read(typeof(PaymentResponse), second)), Is.EqualTo(CheckoutJson.Serialize(Read(typeof(PaymentResponse), first))));

        var firstBytes = AllocatedPerRead(first);
        var secondBytes = AllocatedPerRead(second);
        TestContext.Out.WriteLine($"{first.Length} B of JSON: type first {firstBytes} B, id first {secondBytes} B allocated per read");

        // A tree of the source (the old fallback) costs kilobytes; the look-ahead records a handful of tokens.
        Assert.That(secondBytes - firstBytes, Is.LessThanOrEqualTo(256));
    }

    /// <summary>A sampled field holding a string, number or boolean (an array there is a read error), not a discriminator.</summary>
    private static bool IsScalarField(JProperty property) =>
        property.Value.Type is JTokenType.String or JTokenType.Integer or JTokenType.Float or JTokenType.Boolean
        && !DiscriminatedModels.DiscriminatorNames.Contains(property.Name);

    /// <summary>The body with each discriminator moved right after the first other key of its object, at every depth.</summary>
    private static JObject DiscriminatorsSecond(JObject body)
    {
        var copy = (JObject)body.DeepClone();
        foreach (var item in copy.DescendantsAndSelf().OfType<JObject>().ToList())
        {
            var discriminator = item.Properties().FirstOrDefault(p => DiscriminatedModels.DiscriminatorNames.Contains(p.Name));
            if (discriminator is null || item.Count < 2) continue;
            discriminator.Remove();
            item.Properties().First().AddAfterSelf(discriminator);
        }
        return copy;
    }

    private static long AllocatedPerRead(string json)
    {
        const int reads = 50;
        for (var i = 0; i < 5; i++) Read(typeof(PaymentResponse), json);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < reads; i++) Read(typeof(PaymentResponse), json);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / reads;
    }

    private static ((Type Base, string Discriminator, string Value, Type Subtype) Mapping, string Name) FirstProperty(Func<Type, bool> typed)
    {
        var found = (from m in DiscriminatedModels.Mappings()
                     from p in m.Subtype.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     where typed(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) && p.GetCustomAttribute<JsonPropertyAttribute>() is { PropertyName: { } n } && n != m.Discriminator
                     select (m, p.GetCustomAttribute<JsonPropertyAttribute>()!.PropertyName!)).FirstOrDefault();
        if (found.Item2 is null) Assert.Ignore("No subtype of this release has a field of that type.");
        return found;
    }

    /// <summary>The line and position the text reader reports after the value at <paramref name="path"/>.</summary>
    private static (int, int) PositionOf(string json, string path)
    {
        using var reader = new JsonTextReader(new StringReader(json));
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.PropertyName && reader.Path == path) return (reader.LineNumber, reader.LinePosition);
        }
        throw new AssertionException($"No value at {path}.");
    }

    private static string Positionless(string problem) => Regex.Replace(problem, @"line \d+, position \d+", "line _, position _");

    private static object? Read(Type type, string json)
    {
        using var reader = new JsonTextReader(new StringReader(json));
        return JsonRead.Value(reader, type, Serializer);
    }

    private static JsonReadException ReadError(Type type, string json) => Assert.Throws<JsonReadException>(() => Read(type, json))!;
}
