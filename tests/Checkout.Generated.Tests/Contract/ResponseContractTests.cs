using System.Linq;
using System.Threading.Tasks;
using Checkout.Generated.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Contract;

[Category("Contract")]
public class ResponseContractTests
{
    [TestCaseSource(typeof(ContractCases), nameof(ContractCases.Responses))]
    public async Task GeneratedType_GivenDocumentedResponse_RoundTripsWithNoFieldLostOrChanged(string operationId, int status, object? composed)
    {
        // The example is the Testing package's internal ComposedExample: public test methods take it as object.
        var example = (ComposedExample?)composed;
        if (example is null) Assert.Fail($"{operationId} {status}: the response has a JSON body but no usable schema or example.");
        var request = ContractCases.Composer.RequestMediaType(operationId) is null ? null : ContractCases.Composer.RequestExamples(operationId).FirstOrDefault()?.Value;
        var call = OperationCall.Create(ContractCases.Composer, operationId, request);
        using var http = new ContractHttp(call.Operation, call.Expected.Path, status, example!.Value.ToString(Formatting.None));
        var client = http.ClientFor(call.Method);

        object? result;
        if (status is >= 200 and < 300)
        {
            // A documented success never throws: the result carries the status and Cko-Request-Id it came with.
            var returned = await call.InvokeAsync(client);
            Assert.That(returned, Is.Not.Null, $"{operationId} {status}: the client returned nothing.");
            var metadata = ResultMetadata.Of(returned!);
            Assert.That(metadata?.StatusCode, Is.EqualTo(status), $"{operationId} {status}: the result's CheckoutResponse.StatusCode");
            Assert.That(metadata?.RequestId, Is.EqualTo(ContractHttp.RequestId), $"{operationId} {status}: the result's CheckoutResponse.RequestId");
            result = ResultMetadata.Body(returned!, status);
        }
        else
        {
            var failure = Assert.CatchAsync<CheckoutApiException>(() => call.InvokeAsync(client));
            Assert.That(failure!.StatusCode, Is.EqualTo(status), $"{operationId} {status}: the exception's StatusCode");
            Assert.That(failure.RequestId, Is.EqualTo(ContractHttp.RequestId), $"{operationId} {status}: the exception's RequestId");
            result = failure.GetType().IsGenericType ? failure.GetType().GetProperty("Result")!.GetValue(failure) : null;
        }

        http.VerifyAnswered();
        Assert.That(result, Is.Not.Null, $"{operationId} {status}: the client returned no typed body.");
        var reserialised = JToken.FromObject(result!, JsonSerializer.CreateDefault());
        var schema = ContractCases.Composer.ResolveSchema(ContractCases.Composer.Operation(operationId)["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)])?["content"]?.First?.First?["schema"];
        var differences = JsonDiff.Compare(example.Value, reserialised)
            .Where(d => !(d.Kind == "added" && d.Actual is not null && SchemaDefaults.Explains(ContractCases.Composer, schema, d.Path, d.Actual)))
            .ToList();
        Assert.That(differences, Is.Empty, $"{result!.GetType().Name} does not round-trip the documented body:\n" + string.Join("\n", differences));
    }
}
