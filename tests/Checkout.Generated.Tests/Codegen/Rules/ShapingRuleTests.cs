using System.Linq;
using Checkout.Generated.Codegen;
using Checkout.Generated.Codegen.Shaping;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>The naming rules of the shaping phase (NamingAuthority), each on a small document.</summary>
[Category("Codegen")]
public class ShapingRuleTests
{
    private static JObject Object(params string[] properties) =>
        new() { ["type"] = "object", ["properties"] = new JObject(properties.Select(p => new JProperty(p, new JObject { ["type"] = "string" }))) };

    private static JObject Schemas(JObject document) => (JObject)Normaliser.Normalise(document).Document["components"]!["schemas"]!;

    private static JObject Using(string schema, string tag, string path) =>
        new() { [path] = new JObject { ["post"] = Body(Operation(id: "send" + tag), schema, tag) } };

    private static JObject Body(JObject operation, string schema, string tag)
    {
        operation["tags"] = new JArray(tag);
        operation["requestBody"] = new JObject { ["content"] = new JObject { ["application/json"] = new JObject { ["schema"] = Ref(schema) } } };
        return operation;
    }

    [TestCase("3dsRequest", "ThreeDsRequest")]
    [TestCase("3dsLocale", "ThreeDsLocale")]
    [TestCase("01_CardTokenRequest", "CardTokenRequest")]
    [TestCase("get-event-response", "GetEventResponse")]
    public void Normalise_SpecName_BecomesAPascalTypeNameKeepingItsDigits(string key, string expected)
    {
        var schemas = Schemas(With(schemas: new JObject { [key] = Object("id") }));

        Assert.That(schemas.Properties().Select(p => p.Name), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Normalise_InlineObjectOfADigitSchema_IsNamedFromTheOwnersFinalName()
    {
        var owner = Object("id");
        owner["properties"]!["challenge"] = Object("url");

        var schemas = Schemas(With(schemas: new JObject { ["3dsRequest"] = owner }));

        Assert.That(schemas.Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "ThreeDsRequest", "ThreeDsRequestChallenge" }));
    }

    [Test]
    public void Normalise_FrameworkTypeName_IsQualifiedByTheClientUsingIt()
    {
        var schemas = Schemas(With(Using("File", "Disputes", "/files"), new JObject { ["File"] = Object("purpose") }));

        Assert.That(FrameworkTypeNames.Implicit, Does.Contain("File"), "System.IO.File is imported by ImplicitUsings");
        Assert.That(schemas.Properties().Select(p => p.Name), Is.EqualTo(new[] { "DisputeFile" }));
    }

    [Test]
    public void Normalise_GenericWord_IsQualifiedByTheWordItsUsersShare()
    {
        var get = Object("id");
        get["properties"]!["status"] = Ref("Status");
        var create = Object("id");
        create["properties"]!["status"] = Ref("Status");
        var status = new JObject { ["type"] = "string", ["enum"] = new JArray("pending", "approved") };

        var schemas = Schemas(With(schemas: new JObject { ["GetSessionResponse"] = get, ["CreateSessionAcceptedResponse"] = create, ["Status"] = status }));

        Assert.That(schemas.Properties().Select(p => p.Name), Does.Contain("SessionStatus").And.No.Contain("Status"));
    }

    [Test]
    public void Normalise_GenericWordWithUnrelatedUsers_IsQualifiedByTheProduct()
    {
        var invalid = new JObject { ["allOf"] = new JArray(Ref("Error"), Object("fields")) };
        var conflict = Object("id");
        conflict["properties"]!["error"] = Ref("Error");

        var schemas = Schemas(With(schemas: new JObject { ["Error"] = Object("request_id"), ["InvalidError"] = invalid, ["ConflictAnswer"] = conflict }));

        Assert.That(schemas.Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "CheckoutError", "InvalidError", "ConflictAnswer" }));
    }

    [Test]
    public void Normalise_InlineChildrenOfALongOwner_ShareOnePrefix()
    {
        var owner = Object("id");
        owner["properties"]!["billing_address"] = Object("city");
        owner["properties"]!["phone"] = Object("number");
        const string ownerName = "CardPayoutRequestDestinationTypeCardAccountHolderIndividual";

        var names = Schemas(With(schemas: new JObject { [ownerName] = owner })).Properties().Select(p => p.Name).Where(n => n != ownerName).ToList();

        var prefixes = names.Select(n => n.EndsWith("BillingAddress") ? n[..^"BillingAddress".Length] : n[..^"Phone".Length]).Distinct().ToList();
        Assert.That(names, Has.Count.EqualTo(2));
        Assert.That(prefixes, Has.Count.EqualTo(1), string.Join(", ", names));
        Assert.That(names.Max(n => n.Length), Is.LessThanOrEqualTo(Names.MaxTypeName));
    }

    [Test]
    public void Normalise_EnumPropertyRepeatingItsOwnersLastWord_NamesItsValueTypeOnce()
    {
        var payment = Object("id");
        payment["properties"]!["payment_type"] = new JObject { ["type"] = "string", ["enum"] = new JArray("Regular", "Recurring") };

        var schemas = Schemas(With(schemas: new JObject { ["Payment"] = payment }));

        Assert.That((string?)schemas["Payment"]!["properties"]!["payment_type"]!["$ref"], Is.EqualTo("#/components/schemas/PaymentType"));
    }

    [TestCase("getPaymentLists", "Get payment lists", "getPayments")]
    [TestCase("getEntityList", null, "getEntities")]
    public void Clean_LastWordList_MakesTheNounPlural(string id, string? summary, string expected)
    {
        Assert.That(OperationNameRule.Clean(id, summary), Is.EqualTo(expected));
    }

    [Test]
    public void Normalise_CleanedNameOfAnotherOperation_IsQualifiedByItsClient()
    {
        var platforms = Operation("Upload a file", "uploadAFile");
        platforms["tags"] = new JArray("Platforms");
        var disputes = Operation("Upload file", "uploadFile");
        disputes["tags"] = new JArray("Disputes");
        var paths = new JObject { ["/"] = new JObject { ["post"] = platforms }, ["/files"] = new JObject { ["post"] = disputes } };

        var result = Normaliser.Normalise(With(paths));

        Assert.That((string?)result.Document["paths"]!["/"]!["post"]!["operationId"], Is.EqualTo("uploadPlatformFile"));
        Assert.That((string?)result.Document["paths"]!["/files"]!["post"]!["operationId"], Is.EqualTo("uploadFile"));
    }

    [TestCase("Disputes", "Dispute")]
    [TestCase("Identities", "Identity")]
    [TestCase("Access", "Access")]
    public void Singular_TagWord_DropsThePlural(string word, string expected)
    {
        Assert.That(NamingAuthority.Singular(word), Is.EqualTo(expected));
    }
}
