using Checkout.Generated.Models;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Checkout.Generated.Tests.Contract;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Client;

/// <summary>Every upload operation of the spec (a multipart field that carries a file) sends the file's bytes, name and media type.</summary>
[Category("Contract")]
public class FileUploadTests
{
    public static IEnumerable<TestCaseData> Uploads()
    {
        var cases = CheckoutOperationCatalog.All
            .Where(o => FileFields(o.Id).Any())
            .Select(o => new TestCaseData(o.Id).SetName($"{o.Id} sends the file"))
            .ToList();
        if (cases.Count == 0) cases.Add(new TestCaseData(null).SetName("no upload operation in this spec"));
        return cases;
    }

    [TestCaseSource(nameof(Uploads))]
    public async Task UploadOperation_GivenACheckoutFile_SendsAMultipartPartWithItsNameTypeAndBytes(string? operationId)
    {
        if (operationId is null) Assert.Ignore("this spec release has no multipart file field");
        var composer = ContractCases.Composer;
        var call = OperationCall.Create(composer, operationId!, composer.RequestExamples(operationId!).FirstOrDefault()?.Value);
        var bytes = Encoding.ASCII.GetBytes("PNG-BYTES-0123456789");
        using var content = new MemoryStream(bytes);
        var parameters = call.Method.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].ParameterType == typeof(CheckoutFile)) call.Arguments[i] = new CheckoutFile(content, "receipt.png", "image/png");
        }
        Assert.That(parameters.Count(p => p.ParameterType == typeof(CheckoutFile)), Is.EqualTo(FileFields(operationId!).Count()), "every file field takes a CheckoutFile");
        var (status, body) = ContractCases.SuccessResponse(operationId!);
        using var http = new ContractHttp(call.Operation, call.Expected.Path, status, body);

        await call.InvokeAsync(http.ClientFor(call.Method));

        http.VerifyAnswered();
        var sent = http.Body!;
        Assert.Multiple(() =>
        {
            Assert.That(http.Request!.Content!.Headers.ContentType!.MediaType, Is.EqualTo("multipart/form-data"));
            foreach (var field in FileFields(operationId!))
            {
                Assert.That(sent, Does.Match($@"Content-Disposition: form-data; name=""?{field}""?; filename=""?receipt\.png""?"), "the part names the field and the file");
            }
            Assert.That(sent, Does.Contain("Content-Type: image/png"), "the part's media type");
            Assert.That(sent, Does.Contain("PNG-BYTES-0123456789"), "the file's bytes, not a path");
            Assert.That(content.CanRead, Is.True, "the caller's stream is left open");
        });
    }

    /// <summary>The multipart fields the normalised spec marks as carrying a file.</summary>
    private static IEnumerable<string> FileFields(string operationId)
    {
        var schema = ContractCases.Composer.ResolveSchema(ContractCases.Composer.RequestSchema(operationId));
        if (ContractCases.Composer.RequestMediaType(operationId)?.StartsWith("multipart/", System.StringComparison.Ordinal) != true || schema?["properties"] is not JObject properties) return [];
        return properties.Properties().Where(p => (bool?)p.Value["x-checkout-file"] == true).Select(p => p.Name);
    }
}
