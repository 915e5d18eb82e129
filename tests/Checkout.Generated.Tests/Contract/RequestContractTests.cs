using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Web;
using Checkout.Generated.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Contract;

[Category("Contract")]
public class RequestContractTests
{
    [TestCaseSource(typeof(ContractCases), nameof(ContractCases.Requests))]
    public async Task GeneratedMethod_GivenSpecExample_SendsTheDocumentedRequest(string operationId, string? mediaType, object? composed)
    {
        // The example is the Testing package's internal ComposedExample: public test methods take it as object.
        var example = (ComposedExample?)composed;
        if (mediaType is not null && example is null) Assert.Fail($"{operationId}: the request body ({mediaType}) has no usable schema or example.");
        var call = OperationCall.Create(ContractCases.Composer, operationId, example?.Value);
        var (status, body) = ContractCases.SuccessResponse(operationId);
        using var http = new ContractHttp(call.Operation, call.Expected.Path, status, body);
        var client = http.ClientFor(call.Method);

        try
        {
            await call.InvokeAsync(client);
        }
        catch (CheckoutApiException e) when (e.StatusCode == status)
        {
            // Some documented 2xx answers (202 "further action required") surface as typed exceptions by design.
        }

        http.VerifyAnswered();
        var request = http.Request!;
        Assert.Multiple(() =>
        {
            Assert.That(request.Method.Method, Is.EqualTo(call.Operation.Method), "method");
            Assert.That(request.RequestUri!.Host, Is.EqualTo(ContractHttp.HostOf(call.Operation.Host)), "host");
            Assert.That(request.RequestUri.AbsolutePath, Is.EqualTo(call.Expected.Path), "path");
            AssertQuery(request, call.Expected.Query);
            foreach (var (name, value) in call.Expected.Headers)
            {
                Assert.That(request.Headers.TryGetValues(name, out var values) ? values.ToList() : new List<string>(), Is.EqualTo(new[] { value }), $"header {name}");
            }

            if (mediaType is not null) AssertBody(operationId, mediaType, example!.Value, request, http.Body);
        });
    }

    private static void AssertQuery(HttpRequestMessage request, List<(string Name, JToken Value)> expected)
    {
        var sent = HttpUtility.ParseQueryString(request.RequestUri!.Query);
        foreach (var group in expected.GroupBy(q => q.Name))
        {
            var values = sent.GetValues(group.Key) ?? Array.Empty<string>();
            Assert.That(values, Has.Length.EqualTo(group.Count()), $"query {group.Key}");
            foreach (var (pair, value) in group.Zip(values))
            {
                Assert.That(JsonDiff.Compare(new JValue(OperationCall.Text(pair.Value)), new JValue(value)), Is.Empty, $"query {group.Key}");
            }
        }

        var unexpected = sent.AllKeys.Where(k => k is not null && expected.All(q => q.Name != k)).ToList();
        Assert.That(unexpected, Is.Empty, "query parameters the spec example does not set");
    }

    private static void AssertBody(string operationId, string mediaType, JToken example, HttpRequestMessage request, string? body)
    {
        Assert.That(request.Content?.Headers.ContentType?.MediaType, Is.EqualTo(mediaType), "content type");
        JToken sent;
        if (mediaType.Contains("json", StringComparison.Ordinal))
        {
            sent = JToken.Parse(body ?? "null");
        }
        else if (mediaType == "application/x-www-form-urlencoded")
        {
            var form = HttpUtility.ParseQueryString(body ?? "");
            sent = new JObject(form.AllKeys.Where(k => k is not null).Select(k => new JProperty(k!, form[k])));
        }
        else
        {
            sent = MultipartFields(body ?? "");
        }

        var differences = JsonDiff.Compare(Stringify(example, mediaType), sent)
            .Where(d => !(d.Kind == "added" && d.Actual is not null && SchemaDefaults.Explains(ContractCases.Composer, ContractCases.Composer.RequestSchema(operationId), d.Path, d.Actual)))
            .ToList();
        Assert.That(differences, Is.Empty, "body differs from the spec example:\n" + string.Join("\n", differences));
    }

    // Form and multipart bodies carry text only: compare the example's fields as text.
    private static JToken Stringify(JToken example, string mediaType) =>
        mediaType.Contains("json", StringComparison.Ordinal) || example is not JObject obj
            ? example
            : new JObject(obj.Properties().Select(p => new JProperty(p.Name, p.Value is JValue ? OperationCall.Text(p.Value) : p.Value.ToString(Newtonsoft.Json.Formatting.None))));

    private static JObject MultipartFields(string body)
    {
        var fields = new JObject();
        foreach (var part in body.Split("\r\n--", StringSplitOptions.RemoveEmptyEntries))
        {
            var nameStart = part.IndexOf("name=", StringComparison.Ordinal);
            var split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (nameStart < 0 || split < 0) continue;
            var name = part.Substring(nameStart + 5).Split(';', '\r')[0].Trim('"');
            fields[name] = part.Substring(split + 4).TrimEnd('\r', '\n', '-');
        }

        return fields;
    }
}
