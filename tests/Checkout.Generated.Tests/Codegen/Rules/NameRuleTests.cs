using System.Collections.Generic;
using System.Linq;
using Checkout.Generated.Codegen;
using Checkout.Generated.Codegen.Rules;
using Checkout.Generated.Codegen.Shaping;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>The rules that make C# names: method names, placeholder-free type names, PascalCase identifiers.</summary>
[Category("Codegen")]
public class NameRuleTests
{
    private static JObject Schemas(NormalisationContext c) => (JObject)c.Document["components"]!["schemas"]!;

    private static JObject Object(string property) => new() { ["type"] = "object", ["properties"] = new JObject { [property] = new JObject { ["type"] = "string" } } };

    private static JObject Json(JObject schema) => new() { ["content"] = new JObject { ["application/json"] = new JObject { ["schema"] = schema } } };

    private static Dictionary<string, string> Ids(NormalisationContext context) =>
        context.Operations().ToDictionary(o => o.Method + " " + o.Path, o => o.Operation["operationId"]!.Value<string>()!);

    [TestCase("requestAPaymentOrPayout", "Request a payment or payout", "requestPaymentOrPayout")]
    [TestCase("getAnEvent", "Get an event", "getEvent")]
    [TestCase("updateASubEntitySPayoutSchedule", "Update a sub-entity's payout schedule", "updateSubEntityPayoutSchedule")]
    [TestCase("getSubEntitysPayoutSchedule", "Retrieve a sub-entity's payout schedule", "getSubEntityPayoutSchedule")]
    [TestCase("putSubEntitysPayoutSchedule", "Update a sub-entity's payout schedule", "updateSubEntityPayoutSchedule")]
    [TestCase("patchAWorkflow", "Patch a workflow", "patchWorkflow")]
    [TestCase("updateACardS3DSDetails", "Update a card's 3DS details", "updateCard3DSDetails")]
    [TestCase("getDays", null, "getDays")]
    [TestCase("getFXRates", "Get FX rates", "getFXRates")]
    [TestCase("getPlanA", null, "getPlanA")]
    public void OperationName_Clean_RemovesArticlesPossessivesAndMethodVerbs(string id, string? summary, string expected)
    {
        Assert.That(OperationNameRule.Clean(id, summary), Is.EqualTo(expected));
    }

    [Test]
    public void OperationName_CleanedNamesThatCollide_KeepTheirIds()
    {
        var paths = new JObject
        {
            ["/files"] = new JObject { ["post"] = Operation("Upload file", "uploadFile") },
            ["/"] = new JObject { ["post"] = Operation("Upload a file", "uploadAFile") },
            ["/payments"] = new JObject { ["post"] = Operation("Request a payment", "requestAPayment") },
        };

        var result = Normaliser.Normalise(With(paths));

        Assert.Multiple(() =>
        {
            Assert.That(Ids(result), Is.EquivalentTo(new Dictionary<string, string>
            {
                ["post /files"] = "uploadFile", ["post /"] = "uploadAFile", ["post /payments"] = "requestPayment",
            }));
            Assert.That((string?)result.Document["paths"]!["/payments"]!["post"]![OperationNameRule.SpecIdExtension], Is.EqualTo("requestAPayment"));
        });
    }

    [Test]
    public void InlineBodies_AreNamedFromTheirOperationAndRole()
    {
        var op = Operation(id: "requestAnAccessToken");
        op["requestBody"] = new JObject
        {
            ["content"] = new JObject
            {
                ["application/x-www-form-urlencoded"] = new JObject { ["schema"] = Object("grant_type") },
                ["application/json"] = new JObject { ["schema"] = Object("grant_type") },
            },
        };
        op["responses"] = new JObject
        {
            ["200"] = Json(Object("access_token")),
            ["400"] = Json(Object("error")),
            ["429"] = Json(Object("retry")),
        };
        var list = Operation(id: "getEventTypes");
        list["responses"] = new JObject { ["200"] = Json(new JObject { ["type"] = "array", ["items"] = Object("id") }) };

        var result = Normaliser.Normalise(With(new JObject
        {
            ["/connect/token"] = new JObject { ["post"] = op },
            ["/event-types"] = new JObject { ["get"] = list },
        }, new JObject { ["Splits"] = new JObject { ["type"] = "array", ["items"] = Object("amount") } }));

        var schemas = Schemas(result);
        var token = result.Document["paths"]!["/connect/token"]!["post"]!;
        Assert.Multiple(() =>
        {
            Assert.That(schemas.Properties().Select(p => p.Name), Is.SupersetOf(new[]
            {
                "RequestAccessTokenRequest", "RequestAccessTokenResponse", "RequestAccessTokenError400", "RequestAccessTokenError429",
                "GetEventTypesResponseItem", "SplitsItem",
            }));
            Assert.That(schemas["RequestAccessTokenRequest2"], Is.Null, "one body's identical media types share a schema");
            Assert.That((string?)token["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"], Is.EqualTo("#/components/schemas/RequestAccessTokenRequest"));
            Assert.That((string?)token["responses"]!["429"]!["content"]!["application/json"]!["schema"]!["$ref"], Is.EqualTo("#/components/schemas/RequestAccessTokenError429"));
            Assert.That((string?)schemas["Splits"]!["items"]!["$ref"], Is.EqualTo("#/components/schemas/SplitsItem"));
        });
    }

    [Test]
    public void TypeName_NonIdentifierComponentNames_BecomePascalCase_AndReferencesFollow()
    {
        var result = Normaliser.Normalise(With(schemas: new JObject
        {
            ["CardPayoutRequest_DestinationTypeCard"] = Object("number"),
            ["get-event-types-response"] = Object("id"),
            ["Holder"] = new JObject
            {
                ["type"] = "object",
                ["properties"] = new JObject { ["card"] = Ref("CardPayoutRequest_DestinationTypeCard"), ["3ds"] = Object("enabled"), ["_links"] = new JObject { ["additionalProperties"] = Ref("Holder") } },
            },
        }));

        var schemas = Schemas(result);
        Assert.Multiple(() =>
        {
            Assert.That(schemas.Properties().Select(p => p.Name), Is.EquivalentTo(new[]
            {
                "CardPayoutRequestDestinationTypeCard", "GetEventTypesResponse", "Holder", "HolderThreeDs", "HolderLinks",
            }));
            Assert.That((string?)schemas["Holder"]!["properties"]!["card"]!["$ref"], Is.EqualTo("#/components/schemas/CardPayoutRequestDestinationTypeCard"));
        });
    }

    [Test]
    public void Names_UnrelatedOperationAdded_RenameNothing()
    {
        JObject Document(bool withUnrelated)
        {
            var pay = Operation("Request a payment", "requestAPayment");
            pay["requestBody"] = Json(Object("amount"));
            pay["responses"] = new JObject { ["201"] = Json(Object("id")), ["429"] = Json(Object("retry")) };
            var paths = new JObject
            {
                ["/payments"] = new JObject { ["post"] = pay, ["get"] = Operation("Get payment lists") },
                ["/payments/{id}"] = new JObject { ["get"] = Operation("Get a payment") },
            };
            if (withUnrelated)
            {
                var refund = Operation("Refund a payment", "refundAPayment");
                refund["requestBody"] = Json(Object("amount"));
                refund["responses"] = new JObject { ["202"] = Json(Object("action_id")) };
                paths["/payments/{id}/refunds"] = new JObject { ["post"] = refund };
                paths["/payments/{id}"]!["delete"] = Operation("Void a payment");
            }
            return With(paths, new JObject { ["Payment_Source"] = Object("type") });
        }

        var before = Normaliser.Normalise(Document(false));
        var after = Normaliser.Normalise(Document(true));

        Assert.Multiple(() =>
        {
            Assert.That(Ids(after).Where(a => Ids(before).ContainsKey(a.Key)), Is.EquivalentTo(Ids(before)));
            Assert.That(Schemas(after).Properties().Select(p => p.Name), Is.SupersetOf(Schemas(before).Properties().Select(p => p.Name)));
            Assert.That(Ids(before)["post /payments"], Is.EqualTo("requestPayment"));
        });
    }

    [TestCase("CardPayoutRequestDestinationTypeCardAccountHolderIndividual", "BillingAddress", "CardPayoutDestinationAccountHolderIndividualBillingAddress")]
    [TestCase("CardPayoutRequestDestinationTypeCardAccountHolderCorporate", "Phone", "CardPayoutDestinationTypeCardAccountHolderCorporatePhone")]
    [TestCase("PaymentRequestProcessingSettingsAirlineDataItem", "FlightLegDetailsItem", "PaymentProcessingSettingsAirlineDataItemFlightLegDetailsItem")]
    [TestCase("CardPayoutSenderAccountHolderIndividualIdentificationWithAVeryLongTail", "Type", "CardPayoutSenderAccountHolderIndividualWithAVeryLongTailType")]
    [TestCase("PaymentRequest", "BillingAddress", "PaymentRequestBillingAddress")]
    public void ComposedName_OverSixtyCharacters_DropsRoleThenRepeatedThenMiddleOwnerWords(string owner, string part, string expected)
    {
        var name = Names.Composed(owner, part);

        Assert.Multiple(() =>
        {
            Assert.That(name, Is.EqualTo(expected));
            Assert.That(name.Length, Is.LessThanOrEqualTo(Names.MaxTypeName));
            Assert.That(name, Does.StartWith(Names.Words(owner)[0]).And.EndWith(part));
        });
    }

    [Test]
    public void InlineObjectNames_NestedDeeply_StayWithinSixtyCharactersAndChildrenUseTheShortName()
    {
        JObject Nested(string property, JObject inner) => new() { ["type"] = "object", ["properties"] = new JObject { [property] = inner } };
        var schema = Nested("destination_type_card_account_holder", Nested("individual_billing_address", Nested("street_line", Object("text"))));
        var document = With(Sending("CardPayoutRequest"), new JObject { ["CardPayoutRequest"] = schema });

        var names = Schemas(Normaliser.Normalise(document)).Properties().Select(p => p.Name).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names, Does.Contain("CardPayoutRequestDestinationTypeCardAccountHolder"));
            Assert.That(names, Does.Contain("CardPayoutDestinationAccountHolderIndividualBillingAddress"));
            Assert.That(names, Does.Contain("CardPayoutDestinationIndividualBillingAddressStreetLine"), "a child is named from its parent's short name");
            Assert.That(names.Where(n => n.Length > Names.MaxTypeName), Is.Empty);
        });
    }
}
