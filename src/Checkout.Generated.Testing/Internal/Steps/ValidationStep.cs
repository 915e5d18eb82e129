using System;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>A JSON body must parse and carry every field its schema requires (422 naming what is missing otherwise).</summary>
internal sealed class ValidationStep(ExampleComposer composer) : IMockStep
{
    public async Task InvokeAsync(MockRequest request, Func<Task> next)
    {
        if (request.Json)
        {
            try
            {
                request.Body = string.IsNullOrWhiteSpace(request.Text) ? null : MockErrors.ParseVerbatim(request.Text!);
            }
            catch (Newtonsoft.Json.JsonException)
            {
                await MockErrors.UnprocessableAsync(request.Response, new[] { "request_body_malformed" }).ConfigureAwait(false);
                return;
            }

            var missing = RequiredFields.Missing(composer.References, composer.RequestSchema(request.Operation.Id), request.Body ?? new JObject());
            if (missing.Count > 0)
            {
                await MockErrors.UnprocessableAsync(request.Response, missing).ConfigureAwait(false);
                return;
            }
        }

        await next().ConfigureAwait(false);
    }
}
