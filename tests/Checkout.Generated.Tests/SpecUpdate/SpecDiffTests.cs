using System;
using System.Linq;
using Checkout.Generated.Codegen;
using Checkout.Generated.Codegen.SpecUpdate;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.SpecUpdate;

[Category("SpecUpdate")]
public class SpecDiffTests
{
    private const string Operation = "/paths/~1payments~1{id}/get";

    [Test]
    public void Compare_SameDocument_FindsNothing()
    {
        var diff = Compare(Document(), Document());

        Assert.That(diff.Added.Concat(diff.Removed), Is.Empty);
        Assert.That(diff.Changed, Is.Empty);
        Assert.That(diff.Breaking, Is.Empty);
    }

    [Test]
    public void Compare_OperationRenamedAndRetagged_NamesTheCSharpMethodAndClients()
    {
        var after = Document();
        Node(after, Operation)["operationId"] = "getPaymentDetails";
        Node(after, Operation)["tags"] = new JArray("Standalone");

        var diff = Compare(Document(), after);

        Assert.That(diff.Changed.Select(c => c.Operation.Method), Is.EqualTo(new[] { "StandaloneClient.GetPaymentDetailsAsync" }));
        Assert.That(diff.Changed[0].Changes.Select(c => (c.Description, c.Breaking)), Is.EqualTo(new[]
        {
            ("method `GetPaymentAsync` renamed `GetPaymentDetailsAsync`", true),
            ("moves from `PaymentsClient` to `StandaloneClient` (tag `Payments` → `Standalone`)", true),
        }));
    }

    [Test]
    public void Compare_ArticleOnlyInTheNewSpecId_IsNoRename()
    {
        var after = Document();
        Node(after, Operation)["operationId"] = "getAPayment";
        Node(after, Operation)["summary"] = "Get a payment";

        Assert.That(Compare(Document(), after).Changed, Is.Empty, "both ids clean to getPayment: the C# method is unchanged");
    }

    [Test]
    public void Compare_ParameterRemoved_IsBreaking()
    {
        var after = Document();
        ((JArray)Node(after, Operation)["parameters"]!).RemoveAt(1);

        Assert.That(Changes(Document(), after), Is.EqualTo(new[] { ("parameter `expand` (query) removed", true) }));
    }

    [Test]
    public void Compare_OptionalParameterAdded_IsNotBreaking_RequiredIs()
    {
        var optional = Document();
        ((JArray)Node(optional, Operation)["parameters"]!).Add(JObject.Parse("""{"name":"limit","in":"query","schema":{"type":"integer"}}"""));
        var required = Document();
        ((JArray)Node(required, Operation)["parameters"]!).Add(JObject.Parse("""{"name":"limit","in":"query","required":true,"schema":{"type":"integer"}}"""));

        Assert.That(Changes(Document(), optional), Is.EqualTo(new[] { ("parameter `limit` (query) added, optional", false) }));
        Assert.That(Changes(Document(), required), Is.EqualTo(new[] { ("parameter `limit` (query) added, required", true) }));
    }

    [Test]
    public void Compare_ParameterRetyped_IsBreaking()
    {
        var after = Document();
        Node(after, Operation + "/parameters/1")["schema"] = JObject.Parse("""{"type":"integer"}""");

        Assert.That(Changes(Document(), after), Is.EqualTo(new[] { ("parameter `expand` (query) type `string` → `integer (int64)`", true) }));
    }

    [Test]
    public void Compare_ScopeDropped_IsBreaking_ScopeAddedIsNot()
    {
        var after = Document();
        Node(after, Operation)["security"] = JArray.Parse("""[{"OAuth":["gateway","gateway:payment-details"]}]""");

        Assert.That(Changes(Document(), after), Is.EquivalentTo(new[]
        {
            ("OAuth scope `gateway:payment` no longer accepted", true),
            ("OAuth scope `gateway:payment-details` now accepted", false),
        }));
    }

    [Test]
    public void Compare_SuccessResponseSchemaChanged_IsBreaking_ErrorResponseAddedIsNot()
    {
        var after = Document();
        Node(after, Operation + "/responses/200/content/application~1json")["schema"] = JObject.Parse("""{"$ref":"#/components/schemas/PaymentDetails"}""");
        Node(after, Operation + "/responses")["404"] = JObject.Parse("""{"description":"not found"}""");

        Assert.That(Changes(Document(), after), Is.EquivalentTo(new[]
        {
            ("response 200: application/json: Payment → application/json: PaymentDetails", true),
            ("response 404 added: no body", false),
        }));
    }

    [Test]
    public void Compare_OperationRemovedAndSchemaRemoved_AreBreaking_AddedAreNot()
    {
        var after = Document();
        after["paths"]!["/payments"] = JObject.Parse("""{"get":{"operationId":"listPayments","tags":["Payments"],"responses":{"200":{"description":"ok"}}}}""");
        ((JObject)after["paths"]!).Remove("/payments/{id}/refunds");
        ((JObject)after["components"]!["schemas"]!).Remove("Refund");

        var diff = Compare(Document(), after);

        Assert.That(diff.Added.Select(o => o.Display), Is.EqualTo(new[] { "GET /payments" }));
        Assert.That(diff.Removed.Select(o => o.Display), Is.EqualTo(new[] { "POST /payments/{id}/refunds" }));
        Assert.That(diff.SchemasRemoved, Is.EqualTo(new[] { "Refund" }));
        Assert.That(diff.Breaking.Select(c => c.Subject), Is.EquivalentTo(new[] { "POST /payments/{id}/refunds", "Refund" }));
    }

    private static (string, bool)[] Changes(JObject before, JObject after)
    {
        var diff = Compare(before, after);
        Assert.That(diff.Changed, Has.Count.EqualTo(1));
        return diff.Changed[0].Changes.Select(c => (c.Description, c.Breaking)).ToArray();
    }

    private static SpecDiff Compare(JObject before, JObject after) => SpecDiff.Compare(Normaliser.Normalise(before), Normaliser.Normalise(after));

    private static JObject Node(JObject document, string pointer) =>
        (JObject)pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate((JToken)document, (node, token) => node is JArray array ? array[int.Parse(token, System.Globalization.CultureInfo.InvariantCulture)] : node[token.Replace("~1", "/").Replace("~0", "~")]!);

    private static JObject Document() => JObject.Parse("""
        {
          "openapi": "3.0.1",
          "info": { "title": "Test", "version": "1.0.0" },
          "servers": [ { "url": "https://api.checkout.com" } ],
          "security": [ { "OAuth": [ "gateway" ] } ],
          "paths": {
            "/payments/{id}": { "get": {
              "operationId": "getPayment", "tags": [ "Payments" ],
              "parameters": [
                { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } },
                { "name": "expand", "in": "query", "schema": { "type": "string" } } ],
              "security": [ { "OAuth": [ "gateway", "gateway:payment" ] } ],
              "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Payment" } } } } } } },
            "/payments/{id}/refunds": { "post": {
              "operationId": "refundPayment", "tags": [ "Payments" ],
              "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ],
              "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Refund" } } } },
              "responses": { "202": { "description": "accepted" } } } }
          },
          "components": {
            "securitySchemes": { "OAuth": { "type": "oauth2", "flows": { "clientCredentials": {
              "tokenUrl": "https://access.checkout.com/connect/token",
              "scopes": { "gateway": "", "gateway:payment": "", "gateway:payment-details": "" } } } } },
            "schemas": {
              "Payment": { "type": "object", "properties": { "id": { "type": "string" } } },
              "PaymentDetails": { "type": "object", "properties": { "id": { "type": "string" } } },
              "Refund": { "type": "object", "properties": { "amount": { "type": "integer" } } }
            }
          }
        }
        """);
}
