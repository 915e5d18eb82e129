using System.Linq;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>Every distinct set of known string values becomes one value type, which each place carrying it refers to.</summary>
[Category("Codegen")]
public class ValueTypeRuleTests
{
    private static JObject Enum(params string[] values) => new() { ["type"] = "string", ["enum"] = new JArray(values) };

    private static JObject Model(params (string Name, JObject Schema)[] properties) =>
        new() { ["type"] = "object", ["properties"] = new JObject(properties.Select(p => new JProperty(p.Name, p.Schema))) };

    private static JObject Normalised(JObject schemas, JObject? paths = null) =>
        (JObject)Normaliser.Normalise(With(paths, schemas)).Document["components"]!["schemas"]!;

    [Test]
    public void Normalise_SameValuesInAnyOrder_ShareOneTypeNamedByTheirCommonOwnerWord()
    {
        var schemas = Normalised(new JObject
        {
            ["PaymentResponse"] = Model(("status", Enum("Authorized", "Declined"))),
            ["PaymentDetails"] = Model(("status", Enum("Declined", "Authorized"))),
        });

        Assert.Multiple(() =>
        {
            Assert.That((string?)schemas["PaymentResponse"]!["properties"]!["status"]!["$ref"], Is.EqualTo("#/components/schemas/PaymentStatus"));
            Assert.That((string?)schemas["PaymentDetails"]!["properties"]!["status"]!["$ref"], Is.EqualTo("#/components/schemas/PaymentStatus"));
            Assert.That(schemas["PaymentStatus"]!["enum"]!.Values<string>(), Is.EqualTo(new[] { "Authorized", "Declined" }));
            Assert.That((bool?)schemas["PaymentStatus"]![Checkout.Generated.Codegen.Shaping.ValueTypeRule.Extension], Is.True);
        });
    }

    [Test]
    public void Normalise_ValuesUsedOnce_AreNamedByOwnerAndRole()
    {
        var schemas = Normalised(new JObject { ["PaymentResponse"] = Model(("status", Enum("Authorized", "Declined"))) });

        Assert.That((string?)schemas["PaymentResponse"]!["properties"]!["status"]!["$ref"], Is.EqualTo("#/components/schemas/PaymentResponseStatus"));
    }

    [Test]
    public void Normalise_SharedRoleThatNeedsNoQualifier_IsTheName()
    {
        var schemas = Normalised(new JObject
        {
            ["Payout"] = Model(("charge_bearer", Enum("OUR", "SHA"))),
            ["Transfer"] = Model(("charge_bearer", Enum("OUR", "SHA"))),
        });

        Assert.That(schemas["ChargeBearer"], Is.Not.Null, string.Join(", ", schemas.Properties().Select(p => p.Name)));
    }

    [Test]
    public void Normalise_SpecNamedStringEnum_KeepsItsNameAndAbsorbsEqualSets()
    {
        var schemas = Normalised(new JObject
        {
            ["TransferStatus"] = Enum("pending", "completed"),
            ["Transfer"] = Model(("status", Enum("completed", "pending"))),
        });

        Assert.Multiple(() =>
        {
            Assert.That((string?)schemas["Transfer"]!["properties"]!["status"]!["$ref"], Is.EqualTo("#/components/schemas/TransferStatus"));
            Assert.That(schemas.Properties().Count(p => p.Value["enum"] is not null), Is.EqualTo(1), "one type per value set");
        });
    }

    [TestCase(false, "SessionCategory", TestName = "Normalise_SpecNamedEnumWithAGenericName_ReferredTo_IsQualifiedByItsUsers")]
    [TestCase(true, "AuthenticationCategory", TestName = "Normalise_SpecNamedEnumWithAGenericName_Inlined_IsNamedByWhereItsValuesAreUsed")]
    public void Normalise_SpecNamedEnumWithAGenericName_IsQualified(bool described, string expected)
    {
        // With a description beside it, a reference is an allOf part, inlined (PrimitiveReferenceRule): the enum has no users left.
        JObject Use() => described
            ? new JObject { ["allOf"] = new JArray(Rules.RuleDocuments.Ref("Category"), new JObject { ["description"] = "The category" }) }
            : Rules.RuleDocuments.Ref("Category");
        var schemas = Normalised(new JObject
        {
            ["Category"] = Enum("payment", "non_payment"),
            ["SessionRequest"] = Model(("authentication_category", Use())),
            ["SessionResponse"] = Model(("authentication_category", Use())),
        });

        Assert.Multiple(() =>
        {
            Assert.That(schemas["Category"], Is.Null, "a single generic word is no type name");
            Assert.That((string?)schemas["SessionRequest"]!["properties"]!["authentication_category"]!["$ref"], Is.EqualTo("#/components/schemas/" + expected));
            Assert.That(schemas[expected]!["enum"]!.Values<string>(), Is.EqualTo(new[] { "payment", "non_payment" }));
            Assert.That(schemas.Properties().Count(p => p.Value["enum"] is not null), Is.EqualTo(1));
        });
    }

    [Test]
    public void Normalise_ArrayItemsAndParameters_ReferToTheValueTypeToo()
    {
        var list = Operation(id: "getTransfers");
        list["tags"] = new JArray("Transfers");
        list["parameters"] = new JArray(new JObject { ["name"] = "status", ["in"] = "query", ["schema"] = Enum("pending", "completed") });
        var paths = new JObject { ["/transfers"] = new JObject { ["get"] = list } };
        var schemas = Normalised(new JObject
        {
            ["Transfer"] = Model(("status", Enum("pending", "completed")), ("schemes", new JObject { ["type"] = "array", ["items"] = Enum("visa", "Visa") })),
        }, paths);

        Assert.Multiple(() =>
        {
            Assert.That((string?)schemas["Transfer"]!["properties"]!["schemes"]!["items"]!["$ref"], Is.EqualTo("#/components/schemas/TransferScheme"));
            Assert.That(schemas["TransferScheme"]!["x-enumNames"]!.Values<string>(), Is.EqualTo(new[] { "Visa", "Visa2" }), "a repeat is numbered");
            Assert.That(schemas["TransferStatus"], Is.Not.Null, "the property and the parameter share a type named by their common word");
        });
    }

    [Test]
    public void Normalise_DiscriminatorProperty_StaysAString()
    {
        var source = Model(("type", Enum("card", "token")));
        source["discriminator"] = new JObject { ["propertyName"] = "type" };

        var schemas = Normalised(new JObject { ["Source"] = source });

        Assert.That((string?)schemas["Source"]!["properties"]!["type"]!["type"], Is.EqualTo("string"));
    }

    [Test]
    public void Normalise_ValuesThatAreNotIdentifiers_GetSpelledMemberNames()
    {
        var schemas = Normalised(new JObject { ["Payment"] = Model(("status", Enum("Partially Refunded", "3ds_required", "Equals"))) });

        Assert.That(schemas["PaymentStatus"]!["x-enumNames"]!.Values<string>(), Is.EqualTo(new[] { "PartiallyRefunded", "ThreeDsRequired", "Equals2" }));
    }
}
