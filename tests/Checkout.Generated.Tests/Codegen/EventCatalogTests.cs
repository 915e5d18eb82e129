using System;
using System.Linq;
using System.Reflection;
using Checkout.Generated.Codegen;
using Checkout.Generated.Tests.Codegen.Rules;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Codegen;

/// <summary>The event catalog the codegen tool derives: from small documents, and the generated one against the raw spec.</summary>
[Category("Codegen")]
public class EventCatalogTests
{
    private static JObject Envelope(JObject data, string exampleType) => new()
    {
        ["type"] = "object",
        ["properties"] = new JObject
        {
            ["id"] = new JObject { ["type"] = "string" },
            ["type"] = new JObject { ["type"] = "string", ["example"] = exampleType },
            ["data"] = data,
        },
    };

    private static JObject Model(params string[] properties) => new()
    {
        ["type"] = "object",
        ["properties"] = new JObject(properties.Select(p => new JProperty(p, new JObject { ["type"] = "string" }))),
    };

    private static JObject SourceMap(JObject example) => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = new JObject { ["type"] = "array", ["items"] = new JObject { ["type"] = "string" } },
        ["example"] = example,
    };

    [Test]
    public void Read_EnvelopeWithTypedData_TypesEveryEventOfTheSameSubject()
    {
        var document = RuleDocuments.With(schemas: new JObject
        {
            ["Event"] = Envelope(RuleDocuments.Ref("OrderData"), "order_placed"),
            ["OrderData"] = Model("id", "amount"),
            ["sources"] = SourceMap(new JObject { ["shop"] = new JArray("order_placed", "order_shipped"), ["claims"] = new JArray("claim_opened") }),
        });

        var catalog = EventCatalog.Read(document);

        Assert.That(catalog.EventTypes, Is.EqualTo(new[] { "order_placed", "order_shipped", "claim_opened" }));
        Assert.That(catalog.DataSchemas, Is.EquivalentTo(new[] { KeyValuePair("order_placed", "OrderData"), KeyValuePair("order_shipped", "OrderData") }));
    }

    [Test]
    public void Read_DataAsSingleAllOfReference_IsFollowed()
    {
        var document = RuleDocuments.With(schemas: new JObject
        {
            ["Event"] = Envelope(new JObject { ["allOf"] = new JArray(RuleDocuments.Ref("OrderData")), ["description"] = "d" }, "order_placed"),
            ["OrderData"] = Model("id"),
        });

        Assert.That(EventCatalog.Read(document).DataSchemas["order_placed"], Is.EqualTo("OrderData"));
    }

    [Test]
    public void Read_DataWithoutProperties_LeavesTheEventsUntyped()
    {
        var document = RuleDocuments.With(schemas: new JObject
        {
            ["Event"] = Envelope(RuleDocuments.Ref("Anything"), "order_placed"),
            ["Anything"] = new JObject { ["type"] = "object", ["example"] = new JObject { ["id"] = "x" } },
        });

        var catalog = EventCatalog.Read(document);

        Assert.That(catalog.EventTypes, Is.EqualTo(new[] { "order_placed" }));
        Assert.That(catalog.DataSchemas, Is.Empty);
    }

    [Test]
    public void Read_EventTypesListAndObjectsWithoutData_OnlyTheListCounts()
    {
        var document = RuleDocuments.With(schemas: new JObject
        {
            ["Types"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["event_types"] = new JObject { ["type"] = "array", ["example"] = new JArray("a_b", "c_d") } } },
            // A payment source has an id and a type example too, but no data: it is not an event.
            ["Source"] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["id"] = new JObject(), ["type"] = new JObject { ["example"] = "card" } } },
        });

        Assert.That(EventCatalog.Read(document).EventTypes, Is.EqualTo(new[] { "a_b", "c_d" }));
    }

    [Test]
    public void Read_DocumentWithoutEvents_IsEmpty()
    {
        var catalog = EventCatalog.Read(RuleDocuments.With());

        Assert.That(catalog.EventTypes, Is.Empty);
        Assert.That(catalog.DataSchemas, Is.Empty);
    }

    [TestCase("get-event-response", "GetEventResponse")]
    [TestCase("3dsEnrollmentData", "ThreeDsEnrollmentData")]
    public void Normalise_ComponentName_BecomesTheClassNameTheCatalogWrites(string schema, string expected)
    {
        var document = RuleDocuments.With(schemas: new JObject { [schema] = new JObject { ["type"] = "object", ["properties"] = new JObject { ["id"] = new JObject { ["type"] = "string" } } } });

        var schemas = (JObject)Normaliser.Normalise(document).Document["components"]!["schemas"]!;

        Assert.That(schemas.Properties().Select(p => p.Name), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void GeneratedCatalog_MatchesTheRawSpec_AndEachDataModelHasItsSchemasProperties()
    {
        var file = typeof(EventCatalogTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CheckoutOpenApiSpec").Value!;
        var spec = JObject.Parse(System.IO.File.ReadAllText(file));
        var normalised = Normaliser.Normalise(spec).Document;
        var expected = EventCatalog.Read(normalised);
        TestContext.Out.WriteLine($"{CheckoutEventCatalog.EventTypes.Count} event types, {CheckoutEventCatalog.EventTypes.Count(t => CheckoutEventCatalog.DataTypeOf(t) is not null)} typed: " +
                                  string.Join(", ", CheckoutEventCatalog.EventTypes.Select(t => $"{t} → {CheckoutEventCatalog.DataTypeOf(t)?.Name ?? "JSON"}")));

        Assert.That(CheckoutEventCatalog.EventTypes, Is.EqualTo(expected.EventTypes));
        foreach (var type in CheckoutEventCatalog.EventTypes)
        {
            var model = CheckoutEventCatalog.DataTypeOf(type);
            if (!expected.DataSchemas.TryGetValue(type, out var schema))
            {
                Assert.That(model, Is.Null, type);
                continue;
            }
            // The class is the one generated from that schema: its JSON names are the schema's property names.
            var jsonNames = model!.GetProperties().Select(p => p.GetCustomAttribute<Newtonsoft.Json.JsonPropertyAttribute>()?.PropertyName).OfType<string>();
            var schemaNames = ((JObject)normalised["components"]!["schemas"]![schema]!["properties"]!).Properties().Select(p => p.Name);
            Assert.That(jsonNames, Is.EquivalentTo(schemaNames), $"{type} → {model.Name} (schema {schema})");
        }
    }

    private static System.Collections.Generic.KeyValuePair<string, string> KeyValuePair(string key, string value) => new(key, value);
}
