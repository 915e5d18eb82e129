using System;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>
/// The documented success: an upload link or a stored upload's information, a page of a token-paged list, or the
/// spec's example of the first documented 2xx.
/// </summary>
internal sealed class ExampleStep(MockUploads uploads, MockTokenPages tokenPages, Func<string, (int Status, JToken? Example)> success) : IMockStep
{
    public async Task InvokeAsync(MockRequest request, Func<Task> next)
    {
        var operation = request.Operation;
        var response = request.Response;
        var (status, example) = success(operation.Id);
        if (uploads.GivesLink(operation))
        {
            await uploads.AnswerLinkAsync(request.Context, operation, example as JObject).ConfigureAwait(false);
            return;
        }

        if (uploads.Information(operation, request.Parameters, example as JObject, $"{request.Request.Scheme}://{request.Request.Host}") is { } file)
        {
            response.StatusCode = status;
            await MockJson.WriteAsync(response, file.ToString()).ConfigureAwait(false);
            return;
        }

        if (tokenPages.Pages(operation.Id))
        {
            await tokenPages.AnswerAsync(request.Context, operation.Id, status, example as JObject).ConfigureAwait(false);
            return;
        }

        response.StatusCode = status;
        if (example is not null) await MockJson.WriteAsync(response, example.ToString()).ConfigureAwait(false);
    }
}
