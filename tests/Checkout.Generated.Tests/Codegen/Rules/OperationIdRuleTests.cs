using System.Collections.Generic;
using System.Linq;
using Checkout.Generated.Codegen;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

[Category("Codegen")]
public class OperationIdRuleTests
{
    private const string RuleName = "operations without a unique operationId (derived)";

    private static Dictionary<string, string> Ids(NormalisationContext context) =>
        context.Operations().ToDictionary(o => o.Method + " " + o.Path, o => o.Operation["operationId"]!.Value<string>()!);

    [Test]
    public void Normalise_MissingIds_DerivedFromSummaryOrMethodAndPath()
    {
        var paths = new JObject
        {
            ["/payments/{id}"] = new JObject { ["get"] = Operation("Get payment details"), ["post"] = Operation() },
            ["/disputes"] = new JObject { ["get"] = Operation("Get disputes", "getDisputes") },
        };

        var result = Normaliser.Normalise(With(paths));

        Assert.That(Ids(result), Is.EquivalentTo(new Dictionary<string, string>
        {
            ["get /payments/{id}"] = "getPaymentDetails", ["post /payments/{id}"] = "postPaymentsById", ["get /disputes"] = "getDisputes",
        }));
        Assert.That(result.Counts[RuleName], Is.EqualTo(2));
    }

    [Test]
    public void Normalise_CollidingSummaries_BothFallBackToMethodAndPath()
    {
        var paths = new JObject
        {
            ["/a"] = new JObject { ["get"] = Operation("Get details") },
            ["/b"] = new JObject { ["get"] = Operation("Get details") },
        };

        var ids = Ids(Normaliser.Normalise(With(paths)));

        Assert.That(ids.Values, Is.EquivalentTo(new[] { "getA", "getB" }));
    }

    [Test]
    public void Normalise_UnrelatedOperationAdded_DoesNotRenameOthers()
    {
        var paths = new JObject
        {
            ["/a"] = new JObject { ["get"] = Operation("Get details"), ["post"] = Operation() },
            ["/b/{x}"] = new JObject { ["delete"] = Operation("Remove thing") },
        };
        var before = Ids(Normaliser.Normalise(With(paths)));
        paths["/c"] = new JObject { ["put"] = Operation("Replace the c") };
        paths["/a"]!["patch"] = Operation();

        var after = Ids(Normaliser.Normalise(With(paths)));

        Assert.That(after.Where(a => before.ContainsKey(a.Key)), Is.EquivalentTo(before));
        Assert.That(after.Values, Is.Unique);
    }

    [Test]
    public void Normalise_DuplicateGivenIds_AreAllReplacedAndUnique()
    {
        var paths = new JObject
        {
            ["/a"] = new JObject { ["get"] = Operation("List a", "list") },
            ["/b"] = new JObject { ["get"] = Operation("List b", "list") },
        };

        var ids = Ids(Normaliser.Normalise(With(paths)));

        Assert.That(ids.Values, Is.EquivalentTo(new[] { "listA", "listB" }));
    }
}
