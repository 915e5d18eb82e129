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

/// <summary>Answers every request of the local server: routing, faults, request validation and documented examples; tokens, payments, 3DS and disputes are delegated.</summary>
internal sealed class MockEndpoint
{
    private readonly ExampleComposer _composer = new();
    private readonly OperationRoutes _routes = new(CheckoutOperationCatalog.All);
    private readonly MockAuthority _authority;
    private readonly MockPaymentFlow _payments;
    private readonly MockDisputeFlow _disputes;
    private readonly ThreeDsChallenge _challenge;
    private readonly MockTokenPages _tokenPages;
    private readonly MockUploads _uploads;
    private readonly MockFaults _faults;
    private readonly IdempotencyStore _idempotency = new();

    public MockEndpoint(CheckoutMockServerOptions options)
    {
        _authority = new MockAuthority(options);
        Webhooks = new WebhookSender(options.Webhooks, options.TimeProvider);
        var events = new MockEvents(Webhooks, options.TimeProvider, PaymentLink);
        _disputes = new MockDisputeFlow(options.TimeProvider, options.SettlementDelay, events.DisputeChanged);
        _payments = new MockPaymentFlow(options.TimeProvider, (payment, action) =>
        {
            events.PaymentAction(payment, action);
            _disputes.OnPaymentAction(payment, action);
        }, options.SettlementDelay);
        _challenge = new ThreeDsChallenge(_payments.Ledger, events.PaymentAction);
        _tokenPages = new MockTokenPages(_composer, () => _payments.Created);
        _uploads = new MockUploads(_composer, options.TimeProvider);
        _faults = new MockFaults(options);
    }

    /// <summary>The webhooks of the payment lifecycle actions.</summary>
    public WebhookSender Webhooks { get; }

    /// <summary>The base address of the api host, for the links of events (set once the server listens).</summary>
    public Uri? ApiBase { get; set; }

    public ConcurrentDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>The token endpoint and credential checks.</summary>
    public MockAuthority Authority => _authority;

    /// <summary>The payment lifecycle (its payments; webhooks hook on through the constructor's callback).</summary>
    public MockPaymentFlow Payments => _payments;

    /// <summary>The disputes raised.</summary>
    public MockDisputeFlow Disputes => _disputes;

    public void AddFault(CheckoutMockFault fault) => _faults.Add(fault);

    public async Task HandleAsync(HttpContext context, string host)
    {
        var response = context.Response;
        response.Headers["Cko-Request-Id"] = PaymentLedger.NewId("req_");
        if (ThreeDsChallenge.Handles(context.Request))
        {
            await _challenge.HandleAsync(context).ConfigureAwait(false);
            return;
        }

        if (context.Request.Path.Value?.StartsWith(MockUploads.LinkPath, StringComparison.Ordinal) == true)
        {
            await _uploads.HandleLinkAsync(context).ConfigureAwait(false);
            return;
        }

        var operation = _routes.Match(host, context.Request.Method, context.Request.Path.Value ?? "/", out var parameters);
        if (operation is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Counts.AddOrUpdate(operation.Id, 1, (_, n) => n + 1);
        var fault = _faults.Take(operation.Id);
        if (fault is { ResetBeforeProcessing: true })
        {
            context.Abort();
            return;
        }

        if (fault is { MalformedBody: true } or { StatusCode: not null })
        {
            if (!await _faults.DelayAsync(fault, context).ConfigureAwait(false)) return;
            response.StatusCode = fault.StatusCode ?? Success(operation.Id).Status;
            if (fault.RetryAfter is { } wait) response.Headers["Retry-After"] = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await MockJson.WriteAsync(response, fault.MalformedBody ? "{\"request_id\": \"truncated" : MockErrors.Body(response, "injected_fault", null).ToString()).ConfigureAwait(false);
            return;
        }

        // The answer is composed in memory, so that it can be kept for an idempotent replay, delayed, or lost.
        var wire = response.Body;
        using var answer = new MemoryStream();
        response.Body = answer;
        try
        {
            await ProcessAsync(context, operation, parameters, answer).ConfigureAwait(false);
        }
        finally
        {
            response.Body = wire;
        }

        if (fault is { ResetAfterProcessing: true })
        {
            context.Abort();
            return;
        }

        if (fault is not null && !await _faults.DelayAsync(fault, context).ConfigureAwait(false)) return;
        answer.Position = 0;
        await answer.CopyToAsync(wire, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task ProcessAsync(HttpContext context, CheckoutOperation operation, Dictionary<string, string> parameters, MemoryStream answer)
    {
        var response = context.Response;
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

        var json = _composer.RequestMediaType(operation.Id) is { } media && media.Contains("json", StringComparison.Ordinal);
        string? text = null;
        if (json || operation.IdempotencyKeyHeader is not null)
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var key = operation.IdempotencyKeyHeader is { } header ? context.Request.Headers[header].ToString() : "";
        if (key.Length == 0)
        {
            await AnswerAsync(response, operation, parameters, json, text, context.Request).ConfigureAwait(false);
            return;
        }

        switch (_idempotency.Begin(operation.Id, key, text ?? "", out var entry))
        {
            case IdempotencyStore.Verdict.Replay:
                response.StatusCode = entry.Status;
                if (entry.ContentType is not null) response.ContentType = entry.ContentType;
                response.Headers["Cko-Idempotent-Replay"] = "true";
                await response.Body.WriteAsync(entry.Body, context.RequestAborted).ConfigureAwait(false);
                return;
            case IdempotencyStore.Verdict.Conflict:
                response.StatusCode = StatusCodes.Status409Conflict;
                await MockJson.WriteAsync(response, MockErrors.Body(response, "request_conflict", new[] { "idempotency_key_in_use" }).ToString()).ConfigureAwait(false);
                return;
        }

        try
        {
            await AnswerAsync(response, operation, parameters, json, text, context.Request).ConfigureAwait(false);
        }
        catch
        {
            _idempotency.Complete(operation.Id, key, entry, StatusCodes.Status500InternalServerError, Array.Empty<byte>(), null);
            throw;
        }

        _idempotency.Complete(operation.Id, key, entry, response.StatusCode, answer.ToArray(), response.ContentType);
    }

    private async Task AnswerAsync(HttpResponse response, CheckoutOperation operation, Dictionary<string, string> parameters, bool json, string? text, HttpRequest request)
    {
        JToken? body = null;
        if (json)
        {
            try
            {
                body = string.IsNullOrWhiteSpace(text) ? null : MockErrors.ParseVerbatim(text!);
            }
            catch (Newtonsoft.Json.JsonException)
            {
                await MockErrors.UnprocessableAsync(response, new[] { "request_body_malformed" }).ConfigureAwait(false);
                return;
            }

            var missing = RequiredFields.Missing(_composer.References, _composer.RequestSchema(operation.Id), body ?? new JObject());
            if (missing.Count > 0)
            {
                await MockErrors.UnprocessableAsync(response, missing).ConfigureAwait(false);
                return;
            }
        }

        if (_payments.StepOf(operation.Id) is { } step)
        {
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            var site = new Uri($"{request.Scheme}://{request.Host}/");
            await _payments.AnswerAsync(response, step, parameters, query, body as JObject ?? new JObject(), status => Example(operation.Id, status), site).ConfigureAwait(false);
            return;
        }

        if (_disputes.StepOf(operation.Id) is { } disputeStep)
        {
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            await _disputes.AnswerAsync(response, disputeStep, parameters, query, body as JObject ?? new JObject(), status => Example(operation.Id, status)).ConfigureAwait(false);
            return;
        }

        var (status, example) = Success(operation.Id);
        if (_uploads.GivesLink(operation))
        {
            await _uploads.AnswerLinkAsync(request.HttpContext, operation, example as JObject).ConfigureAwait(false);
            return;
        }

        if (_uploads.Information(operation, parameters, example as JObject, $"{request.Scheme}://{request.Host}") is { } file)
        {
            response.StatusCode = status;
            await MockJson.WriteAsync(response, file.ToString()).ConfigureAwait(false);
            return;
        }

        if (_tokenPages.Pages(operation.Id))
        {
            await _tokenPages.AnswerAsync(request.HttpContext, operation.Id, status, example as JObject).ConfigureAwait(false);
            return;
        }

        response.StatusCode = status;
        if (example is not null) await MockJson.WriteAsync(response, example.ToString()).ConfigureAwait(false);
    }

    private Uri? PaymentLink(string paymentId) => ApiBase is not null && _payments.DetailsPath(paymentId) is { } path ? new Uri(ApiBase, path.TrimStart('/')) : null;

    private JToken? Example(string operationId, int status) => MockExamples.Example(_composer, operationId, status);

    private (int Status, JToken? Example) Success(string operationId) => MockExamples.Success(_composer, operationId);
}
