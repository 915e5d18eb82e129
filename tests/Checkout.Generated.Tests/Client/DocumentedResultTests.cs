using Checkout.Generated.Models;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Checkout.Generated.Codegen.Repair;
using Checkout.Generated.Codegen.Rules;
using Checkout.Generated.Tests.Contract;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Client;

/// <summary>
/// Every operation of the spec that documents several 2xx, a bodiless 2xx, a 3xx or a non-JSON body, and each such
/// status: the generated method returns the documented result (found through the spec, so every release runs).
/// </summary>
[Category("Contract")]
public class DocumentedResultTests
{
    private const string Location = "https://files.example/reports/rpt_1.csv";

    public static IEnumerable<TestCaseData> Cases()
    {
        var cases = new List<TestCaseData>();
        foreach (var operation in CheckoutOperationCatalog.All)
        {
            var node = ContractCases.Composer.Operation(operation.Id);
            var kind = (string?)node["x-checkout-result"];
            if (kind is not ("multi" or "none" or "location" or "file")) continue;
            foreach (var status in ContractCases.Composer.DocumentedStatuses(operation.Id).Where(s => s[0] is '2' or '3'))
            {
                cases.Add(new TestCaseData(operation.Id, kind, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)).SetName($"{operation.Id} {status} returns its {kind} result"));
            }
            if (kind == "location") cases.Add(new TestCaseData(operation.Id, kind, 200).SetName($"{operation.Id} followed redirect returns the file"));
        }
        if (cases.Count == 0) cases.Add(new TestCaseData(null, null, 0).SetName("no operation of this spec documents a special result"));
        return cases;
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Operation_GivenDocumentedStatus_ReturnsTheDocumentedResult(string? operationId, string? kind, int status)
    {
        if (operationId is null) Assert.Ignore("this spec release documents no multi-status, bodiless, redirect or file response");
        var composer = ContractCases.Composer;
        var request = composer.RequestMediaType(operationId!) is null ? null : composer.RequestExamples(operationId!).FirstOrDefault()?.Value;
        var call = OperationCall.Create(composer, operationId!, request);
        var statusText = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var json = composer.ResponseMediaType(operationId!, statusText) is { } media && media.Contains("json", System.StringComparison.Ordinal)
            ? composer.ResponseExamples(operationId!, statusText).FirstOrDefault()?.Value.ToString(Formatting.None)
            : null;
        var bytes = Encoding.UTF8.GetBytes("id,amount\n1,100\n");
        using var http = new ContractHttp(call.Operation, call.Expected.Path, status, json, response =>
        {
            if (status is >= 300 and < 400) response.Headers.Location = new System.Uri(Location);
            if (json is null && (kind == "file" || (kind == "location" && status < 300)))
            {
                response.Content = new ByteArrayContent(bytes);
                response.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                response.Content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "rpt_1.csv" };
            }
        });

        var result = await call.InvokeAsync(http.ClientFor(call.Method));

        http.VerifyAnswered();
        Assert.That(result, Is.Not.Null);
        Assert.That(ResultMetadata.Of(result!)?.StatusCode, Is.EqualTo(status), "metadata status");
        Assert.That(ResultMetadata.Of(result!)?.RequestId, Is.EqualTo(ContractHttp.RequestId), "metadata request id");
        switch (kind)
        {
            case "none":
                Assert.That(result, Is.TypeOf<CheckoutResponse>());
                break;
            case "multi":
                var property = result!.GetType().GetProperty(ResultShapeRule.StatusName(statusText));
                if (json is not null)
                {
                    Assert.That(property?.GetValue(result), Is.Not.Null, $"the {statusText} body is typed in {property?.Name}");
                    // An object body is compared by its id; a list body by its first item's id.
                    static JToken? Id(JToken body) => (body is JArray items ? items.FirstOrDefault() : body) is JObject o ? o["id"] : null;
                    Assert.That(Id(JToken.FromObject(property!.GetValue(result)!, JsonSerializer.CreateDefault())), Is.EqualTo(Id(JToken.Parse(json))), "the body read");
                }
                foreach (var other in result.GetType().GetProperties().Where(p => p.Name != property?.Name && p.PropertyType != typeof(CheckoutResponse) && p.PropertyType != typeof(int)))
                {
                    Assert.That(other.GetValue(result), Is.Null, $"{other.Name} is null on a {statusText}");
                }
                break;
            case "location":
                using (var redirect = (CheckoutRedirect)result!)
                {
                    if (status >= 300)
                    {
                        Assert.That(redirect.Location, Is.EqualTo(new System.Uri(Location)));
                        Assert.That(redirect.File, Is.Null);
                    }
                    else
                    {
                        Assert.That(redirect.File, Is.Not.Null, "the followed redirect's body");
                        await AssertFile(redirect.File!, bytes);
                    }
                }
                break;
            case "file":
                using (var file = (CheckoutFile)result!) await AssertFile(file, bytes);
                break;
        }
    }

    private static async Task AssertFile(CheckoutFile file, byte[] bytes)
    {
        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(bytes));
        Assert.That(file.MediaType, Is.EqualTo("text/csv"));
        Assert.That(file.FileName, Is.EqualTo("rpt_1.csv"));
    }
}
