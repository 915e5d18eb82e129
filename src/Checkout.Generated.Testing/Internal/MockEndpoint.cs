using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>Answers every request of the local server: routing, faults, request validation and documented examples; tokens and payments are delegated.</summary>
internal sealed class MockEndpoint
{
    private readonly CheckoutMockServerOptions _options;
    private readonly ExampleComposer _composer = new();
    private readonly OperationRoutes _routes = new(CheckoutOperationCatalog.All);
    private readonly MockAuthority _authority;
    private readonly MockPaymentFlow _payments;
    private readonly List<CheckoutMockFault> _faults = new();

    public MockEndpoint(CheckoutMockServerOptions options)
    {
        _options = options;
        _authority = new MockAuthority(options);
        Webhooks = new WebhookSender(options.Webhooks, options.TimeProvider);
        _payments = new MockPaymentFlow(options.TimeProvider, Notify);
    }

    /// <summary>The webhooks of the payment lifecycle actions.</summary>
    public WebhookSender Webhooks { get; }

    /// <summary>The base address of the api host, for the links of events (set once the server listens).</summary>
    public Uri? ApiBase { get; set; }

    public ConcurrentDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    public void AddFault(CheckoutMockFault fault)
    {
        lock (_faults) _faults.Add(fault);
    }

    public async Task HandleAsync(HttpContext context, string host)
    {
        var response = context.Response;
        response.Headers["Cko-Request-Id"] = PaymentLedger.NewId("req_");
        var operation = _routes.Match(host, context.Request.Method, context.Request.Path.Value ?? "/", out var parameters);
        if (operation is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Counts.AddOrUpdate(operation.Id, 1, (_, n) => n + 1);
        if (TakeFault(operation.Id) is { } fault)
        {
            if (fault.Delay > TimeSpan.Zero) await Task.Delay(fault.Delay, _options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
            if (fault.MalformedBody || fault.StatusCode is not null)
            {
                response.StatusCode = fault.StatusCode ?? Success(operation.Id).Status;
                await MockJson.WriteAsync(response, fault.MalformedBody ? "{\"request_id\": \"truncated" : ErrorBody(response, "injected_fault", null).ToString()).ConfigureAwait(false);
                return;
            }
        }

        if (operation.Credentials == CheckoutCredentialKinds.None && operation.Host == "access")
        {
            await _authority.IssueTokenAsync(context).ConfigureAwait(false);
            return;
        }

        if (!_authority.Authorised(context.Request, operation))
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers["WWW-Authenticate"] = "Bearer";
            return;
        }

        JToken? body = null;
        if (_composer.RequestMediaType(operation.Id) is { } media && media.Contains("json", StringComparison.Ordinal))
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            try
            {
                body = string.IsNullOrWhiteSpace(text) ? null : JToken.Parse(text);
            }
            catch (Newtonsoft.Json.JsonException)
            {
                await UnprocessableAsync(response, new[] { "request_body_malformed" }).ConfigureAwait(false);
                return;
            }

            var missing = RequiredFields.Missing(_composer.References, _composer.RequestSchema(operation.Id), body ?? new JObject());
            if (missing.Count > 0)
            {
                await UnprocessableAsync(response, missing).ConfigureAwait(false);
                return;
            }
        }

        if (_payments.StepOf(operation.Id) is { } step)
        {
            await _payments.AnswerAsync(response, step, parameters, body as JObject ?? new JObject(), Success(operation.Id)).ConfigureAwait(false);
            return;
        }

        var (status, example) = Success(operation.Id);
        response.StatusCode = status;
        if (example is not null) await MockJson.WriteAsync(response, example.ToString()).ConfigureAwait(false);
    }

    private void Notify(PaymentLedger.Payment payment, JObject action)
    {
        if (!Webhooks.Enabled) return;
        lock (payment.Lock)
        {
            if (WebhookEvents.TypeFor(WebhookEvents.OutcomeOf(payment, action)) is not { } type) return;
            var link = ApiBase is not null && _payments.DetailsPath(payment.Id) is { } path ? new Uri(ApiBase, path.TrimStart('/')) : null;
            Webhooks.Enqueue(WebhookEvents.Create(type, payment, action, _options.TimeProvider.GetUtcNow(), link));
        }
    }

    private CheckoutMockFault? TakeFault(string operationId)
    {
        lock (_faults)
        {
            var fault = _faults.FirstOrDefault(f => f.Times > 0 && (f.OperationId is null || f.OperationId == operationId));
            if (fault is not null && --fault.Times == 0) _faults.Remove(fault);
            return fault;
        }
    }

    private (int Status, JToken? Example) Success(string operationId)
    {
        var status = _composer.DocumentedStatuses(operationId).FirstOrDefault(s => s.StartsWith("2", StringComparison.Ordinal)) ?? "200";
        var media = _composer.ResponseMediaType(operationId, status);
        var example = media is not null && media.Contains("json", StringComparison.Ordinal) ? _composer.ResponseExamples(operationId, status).FirstOrDefault()?.Value : null;
        return (int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), example);
    }

    private static JObject ErrorBody(HttpResponse response, string type, IEnumerable<string>? codes)
    {
        var body = new JObject { ["request_id"] = response.Headers["Cko-Request-Id"].ToString(), ["error_type"] = type };
        if (codes is not null) body["error_codes"] = new JArray(codes);
        return body;
    }

    private static Task UnprocessableAsync(HttpResponse response, IEnumerable<string> codes)
    {
        response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return MockJson.WriteAsync(response, ErrorBody(response, "request_invalid", codes).ToString());
    }
}
