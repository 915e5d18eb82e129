using System;
using System.Linq;
using System.Reflection;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>Each open enum gets constants for its known values while the property stays a string.</summary>
[Category("Codegen")]
public class KnownValuesTests
{
    private static JObject Enum(params string[] values) => new() { ["type"] = "string", ["enum"] = new JArray(values) };

    [Test]
    public void Read_EnumComponentsAndEnumProperties_GetAClassOfConstants()
    {
        var document = Normaliser.Normalise(With(schemas: new JObject
        {
            ["TransferStatus"] = Enum("pending", "completed"),
            ["PaymentResponse"] = new JObject
            {
                ["type"] = "object",
                ["properties"] = new JObject
                {
                    ["status"] = Enum("Authorized", "Partially Refunded", "3ds_required"),
                    ["schemes"] = new JObject { ["type"] = "array", ["items"] = Enum("visa", "Visa") },
                    ["kind"] = Enum("a"),
                },
            },
            ["PaymentResponseKind"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["x"] = new JObject { ["type"] = "string" } } },
        })).Document;

        var classes = KnownValuesWriter.Read(document).ToDictionary(c => c.Name, c => c.Values);
        var code = KnownValuesWriter.Write(document, "Checkout.Generated");

        Assert.Multiple(() =>
        {
            Assert.That(classes.Keys, Is.EquivalentTo(new[] { "TransferStatus", "PaymentResponseStatus", "PaymentResponseSchemes", "PaymentResponseKindValues" }));
            Assert.That(classes["PaymentResponseStatus"], Is.EqualTo(new[] { "Authorized", "Partially Refunded", "3ds_required" }));
            Assert.That(code, Does.Contain("public const string PartiallyRefunded = \"Partially Refunded\";"));
            Assert.That(code, Does.Contain("public const string ThreeDsRequired = \"3ds_required\";"));
            Assert.That(code, Does.Contain("public const string Visa = \"visa\";").And.Contain("public const string Visa2 = \"Visa\";"));
            Assert.That((string?)document["components"]!["schemas"]!["PaymentResponse"]!["properties"]!["status"]!["type"], Is.EqualTo("string"), "the property stays a string");
        });
    }

    [Test]
    public void GeneratedModels_HaveAConstantForEveryKnownValueOfTheSpec()
    {
        var file = typeof(KnownValuesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CheckoutOpenApiSpec").Value!;
        var document = Normaliser.Normalise(JObject.Parse(System.IO.File.ReadAllText(file))).Document;
        var expected = KnownValuesWriter.Read(document);
        var assembly = typeof(CheckoutOperation).Assembly;

        Assert.That(expected, Is.Not.Empty, "the spec has open enums");
        Assert.Multiple(() =>
        {
            foreach (var (name, _, values) in expected)
            {
                var type = assembly.GetType("Checkout.Generated.Models." + name);
                Assert.That(type, Is.Not.Null, name);
                if (type is null) continue;
                var constants = type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
                Assert.That(constants, Is.EquivalentTo(values), name);
                Assert.That(type.IsAbstract && type.IsSealed, Is.True, name + " is a static class");
            }
        });
        var payment = assembly.GetType("Checkout.Generated.Models.PaymentResponseStatus");
        Assume.That(payment, Is.Not.Null, "this spec release documents PaymentResponse.status");
        Assert.That(payment!.GetField("Authorized")?.GetRawConstantValue(), Is.EqualTo("Authorized"));
    }
}
