using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>UploadLinkRule on small documents: a body with an <c>upload</c> link relation is marked; other links are not.</summary>
[Category("Codegen")]
public class UploadLinkRuleTests
{
    private static JObject Link() => new() { ["type"] = "object", ["properties"] = new JObject { ["href"] = new JObject { ["type"] = "string" } } };

    private static JObject Normalised(string links, string relation)
    {
        var op = Operation(id: "requestUploadLink");
        op["responses"]!["200"]!["content"] = new JObject { ["application/json"] = new JObject { ["schema"] = Ref("Upload") } };
        var schemas = new JObject
        {
            ["Upload"] = new JObject
            {
                ["type"] = "object",
                ["properties"] = new JObject { ["id"] = new JObject { ["type"] = "string" }, [links] = new JObject { ["type"] = "object", ["properties"] = new JObject { [relation] = Link() } } },
            },
        };
        return (JObject)Normaliser.Normalise(With(new JObject { ["/uploads"] = new JObject { ["post"] = op } }, schemas)).Document["paths"]!["/uploads"]!["post"]!;
    }

    [TestCase("_links", "Links.Upload.Href", "_links.upload.href")]
    [TestCase("links", "Links.Upload.Href", "links.upload.href")]
    public void UploadLink_BodyWithAnUploadLinkRelation_IsMarkedWithTheHrefPath(string links, string csharp, string json)
    {
        var op = Normalised(links, "upload");

        Assert.That(((string?)op["x-checkout-upload-link"], (string?)op["x-checkout-upload-link-json"]), Is.EqualTo((csharp, json)));
    }

    [Test]
    public void UploadLink_OnlyOtherLinkRelations_IsNotMarked()
    {
        var op = Normalised("_links", "self");

        Assert.That(op["x-checkout-upload-link"], Is.Null);
    }
}
