using Checkout.Generated.Codegen;
using Checkout.Generated.Codegen.Shaping;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using static Checkout.Generated.Tests.Codegen.Rules.RuleDocuments;

namespace Checkout.Generated.Tests.Codegen.Rules;

/// <summary>A discriminated base lists its subtypes as NJsonSchema finds them, so the class template need not walk the document.</summary>
[Category("Codegen")]
public class SubtypeListRuleTests
{
    private static JObject Extending(string baseName) => new()
    {
        ["allOf"] = new JArray(Ref(baseName), new JObject { ["type"] = "object", ["properties"] = new JObject { ["x"] = new JObject { ["type"] = "string" } } }),
    };

    private static JObject Base(JObject? mapping = null)
    {
        var discriminator = new JObject { ["propertyName"] = "type" };
        if (mapping is not null) discriminator["mapping"] = mapping;
        return new JObject
        {
            ["type"] = "object",
            ["discriminator"] = discriminator,
            ["properties"] = new JObject { ["type"] = new JObject { ["type"] = "string" } },
        };
    }

    private static JObject Apply(JObject schemas)
    {
        var context = new NormalisationContext(With(schemas: schemas));
        new SubtypeListRule().Apply(context);
        return (JObject)context.Document["components"]!["schemas"]!;
    }

    [Test]
    public void Apply_ListsEveryDescendantWithItsMappedValueElseItsName()
    {
        var schemas = Apply(new JObject
        {
            ["Source"] = Base(new JObject { ["card"] = "#/components/schemas/CardSource" }),
            ["CardSource"] = Extending("Source"),
            ["TokenSource"] = Extending("Source"),
            ["NetworkCardSource"] = Extending("CardSource"),
            ["Unrelated"] = new JObject { ["type"] = "object" },
        });

        Assert.Multiple(() =>
        {
            Assert.That(schemas["Source"]![SubtypeListRule.Extension]!.Value<string>(),
                Is.EqualTo("CardSource=card|TokenSource=TokenSource|NetworkCardSource=NetworkCardSource"));
            Assert.That(schemas["CardSource"]![SubtypeListRule.Extension], Is.Null, "no discriminator of its own");
            Assert.That(schemas["Unrelated"]![SubtypeListRule.Extension], Is.Null);
        });
    }

    [Test]
    public void Apply_LeavesOutAbstractSubtypes_AndListsNothingForABaseWithoutSubtypes()
    {
        var abstractSubtype = Extending("Source");
        abstractSubtype["x-abstract"] = true;
        var schemas = Apply(new JObject
        {
            ["Source"] = Base(),
            ["Intermediate"] = abstractSubtype,
            ["Lonely"] = Base(),
        });

        Assert.Multiple(() =>
        {
            Assert.That(schemas["Source"]![SubtypeListRule.Extension]!.Value<string>(), Is.Empty);
            Assert.That(schemas["Lonely"]![SubtypeListRule.Extension]!.Value<string>(), Is.Empty);
        });
    }

    [Test]
    public void Apply_ConcreteSubtypeBelowAnAbstractOne_IsListed_AndANonObjectSchemaIsSkipped()
    {
        var intermediate = Extending("Source");
        intermediate["x-abstract"] = true;
        var schemas = Apply(new JObject
        {
            ["Source"] = Base(new JObject { ["card"] = "#/components/schemas/CardSource" }),
            ["Intermediate"] = intermediate,
            ["CardSource"] = Extending("Intermediate"),
            ["Anything"] = true,
        });

        Assert.That(schemas["Source"]![SubtypeListRule.Extension]!.Value<string>(), Is.EqualTo("CardSource=card"));
    }

    [Test]
    public void Apply_ASchemaOutsideTheComponentsExtendsTheBase_LeavesTheBaseToTheTemplatesWalk()
    {
        var context = new NormalisationContext(With(
            paths: new JObject { ["/pay"] = new JObject { ["post"] = new JObject
            {
                ["requestBody"] = new JObject { ["content"] = new JObject { ["application/json"] = new JObject { ["schema"] = Extending("Source") } } },
            } } },
            schemas: new JObject { ["Source"] = Base(), ["CardSource"] = Extending("Source"), ["Other"] = Base() }));

        new SubtypeListRule().Apply(context);

        var schemas = context.Document["components"]!["schemas"]!;
        Assert.Multiple(() =>
        {
            Assert.That(schemas["Source"]![SubtypeListRule.Extension], Is.Null);
            Assert.That(schemas["Other"]![SubtypeListRule.Extension]!.Value<string>(), Is.Empty);
        });
    }

    [Test]
    public void Apply_AValueTheListCannotCarry_LeavesTheBaseToTheTemplatesWalk()
    {
        var schemas = Apply(new JObject
        {
            ["Source"] = Base(new JObject { ["card|debit"] = "#/components/schemas/CardSource" }),
            ["CardSource"] = Extending("Source"),
        });

        Assert.That(schemas["Source"]![SubtypeListRule.Extension], Is.Null);
    }
}
