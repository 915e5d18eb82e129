using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Contract;

[Category("Contract")]
public class ErrorContractTests
{
    [TestCaseSource(typeof(ContractCases), nameof(ContractCases.Errors))]
    public void GeneratedMethod_GivenDocumentedErrorStatus_ThrowsCheckoutApiExceptionWithCheckoutsErrorFields(string operationId, int status)
    {
        var composer = ContractCases.Composer;
        var request = composer.RequestMediaType(operationId) is null ? null : composer.RequestExamples(operationId).FirstOrDefault()?.Value;
        var call = OperationCall.Create(composer, operationId, request);
        var statusText = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var documented = composer.ResponseMediaType(operationId, statusText) is { } media && media.Contains("json", System.StringComparison.Ordinal)
            ? composer.ResponseExamples(operationId, statusText).FirstOrDefault()?.Value as JObject
            : null;
        using var http = new ContractHttp(call.Operation, call.Expected.Path, status, documented?.ToString());
        var client = http.ClientFor(call.Method);

        var error = Assert.ThrowsAsync(Is.InstanceOf<CheckoutApiException>(), async () => await call.InvokeAsync(client)) as CheckoutApiException;

        http.VerifyAnswered();
        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(status));
            Assert.That(error.RequestId, Is.EqualTo(ContractHttp.RequestId));
            Assert.That(error.ErrorType, Is.EqualTo(documented?["error_type"]?.Type == JTokenType.String ? (string?)documented["error_type"] : null));
            Assert.That(error.ErrorCodes, Is.EqualTo((documented?["error_codes"] as JArray)?.Select(c => c.ToString()).ToArray() ?? System.Array.Empty<string>()));
        });
    }
}
