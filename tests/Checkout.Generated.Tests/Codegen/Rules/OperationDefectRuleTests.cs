using System.Collections.Generic;
using System.Linq;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>Defect classes first seen in the 2023-07-12 release: undeclared security, misplaced path parameters, misspelt required names.</summary>
[Category("Codegen")]
public class OperationDefectRuleTests
{
    private const string SecurityRule = "operations declaring no security (given the document's usual requirements)";

    private static JObject Secured(params string[] schemes)
    {
        var op = Operation();
        op["security"] = new JArray(schemes.Select(s => new JObject { [s] = s == "OAuth" ? new JArray("gateway") : new JArray() }));
        return op;
    }

    private static JObject WithSchemes(JObject paths)
    {
        var document = With(paths);
        document["components"]!["securitySchemes"] = new JObject
        {
            ["OAuth"] = new JObject
            {
                ["type"] = "oauth2",
                ["flows"] = new JObject { ["clientCredentials"] = new JObject { ["tokenUrl"] = "https://access.checkout.com/connect/token", ["scopes"] = new JObject { ["gateway"] = "g" } } },
            },
            ["ApiSecretKey"] = new JObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "Authorization" },
        };
        return document;
    }

    [Test]
    public void MissingSecurity_OperationWithoutAny_GetsTheUsualRequirementsWithoutScopes()
    {
        var result = Normaliser.Normalise(WithSchemes(new JObject
        {
            ["/payments"] = new JObject { ["post"] = Secured("OAuth", "ApiSecretKey"), ["get"] = Secured("OAuth", "ApiSecretKey") },
            ["/tokens"] = new JObject { ["post"] = Secured("ApiSecretKey") },
            ["/issuing/cards"] = new JObject { ["post"] = Operation() },
        }));

        var security = result.Operations().Single(o => o.Path == "/issuing/cards").Operation["security"];
        Assert.Multiple(() =>
        {
            Assert.That(security, Is.EqualTo(new JArray(new JObject { ["OAuth"] = new JArray() }, new JObject { ["ApiSecretKey"] = new JArray() })));
            Assert.That(result.Counts[SecurityRule], Is.EqualTo(1));
        });
    }

    [Test]
    public void MissingSecurity_TokenOperationAndExplicitlyPublicOne_AreLeftAlone()
    {
        var open = Operation();
        open["security"] = new JArray();
        var result = Normaliser.Normalise(WithSchemes(new JObject
        {
            ["/payments"] = new JObject { ["post"] = Secured("OAuth") },
            ["/connect/token"] = new JObject { ["post"] = Operation() },
            ["/public"] = new JObject { ["get"] = open },
        }));

        Assert.Multiple(() =>
        {
            Assert.That(result.Operations().Single(o => o.Path == "/connect/token").Operation["security"], Is.Null);
            Assert.That(result.Operations().Single(o => o.Path == "/public").Operation["security"], Is.EqualTo(new JArray()));
            Assert.That(result.Counts.GetValueOrDefault(SecurityRule), Is.Zero);
        });
    }

    [Test]
    public void MissingSecurity_DocumentWithADefault_IsLeftToIt()
    {
        var document = WithSchemes(new JObject { ["/a"] = new JObject { ["get"] = Operation() }, ["/b"] = new JObject { ["get"] = Secured("OAuth") } });
        document["security"] = new JArray(new JObject { ["ApiSecretKey"] = new JArray() });

        var result = Normaliser.Normalise(document);

        Assert.That(result.Operations().Single(o => o.Path == "/a").Operation["security"], Is.Null);
    }

    [TestCase("query", "controlId")]
    [TestCase("header", "ControlID")]
    public void PathParameter_DeclaredInQueryOrHeader_BecomesThePathParameter(string location, string declared)
    {
        var op = Operation("Get control");
        op["parameters"] = new JArray(new JObject { ["name"] = declared, ["in"] = location, ["description"] = "The control", ["schema"] = new JObject { ["type"] = "string" } });

        var result = Normaliser.Normalise(With(new JObject { ["/issuing/controls/{controlId}"] = new JObject { ["get"] = op } }));

        var parameters = (JArray)result.Operations().Single().Operation["parameters"]!;
        Assert.That(parameters, Is.EqualTo(new JArray(new JObject
        {
            ["name"] = "controlId", ["in"] = "path", ["description"] = "The control", ["schema"] = new JObject { ["type"] = "string" }, ["required"] = true,
        })));
    }

    [Test]
    public void RequiredName_SpelledWithAnotherSeparator_IsRenamedToItsProperty()
    {
        var result = new NormalisationContext(With(schemas: new JObject
        {
            ["Condition"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["type"] = new JObject { ["type"] = "string" } } },
            ["ChannelCondition"] = new JObject
            {
                ["type"] = "object",
                ["required"] = new JArray("processing_channels", "type"),
                ["allOf"] = new JArray(Ref("Condition"), new JObject
                {
                    ["type"] = "object",
                    ["required"] = new JArray("processing-channels", "Type", "declared_by_a_subtype"),
                    ["properties"] = new JObject { ["processing_channels"] = new JObject { ["type"] = "array" } },
                }),
            },
        }));
        new Checkout.Generated.Codegen.Repair.RequiredNameRule().Apply(result);

        var condition = result.Document["components"]!["schemas"]!["ChannelCondition"]!;
        Assert.Multiple(() =>
        {
            Assert.That(condition["required"]!.Values<string>(), Is.EqualTo(new[] { "processing_channels", "type" }));
            Assert.That(condition["allOf"]![1]!["required"]!.Values<string>(), Is.EqualTo(new[] { "processing_channels", "type", "declared_by_a_subtype" }));
            Assert.That(result.Counts["required names spelled unlike their property (renamed)"], Is.EqualTo(2));
        });
    }
}
