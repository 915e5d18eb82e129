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
    private readonly MockTokenPages _tokenPages;
    private readonly MockUploads _uploads;
    private readonly List<CheckoutMockFault> _faults = new();
    private readonly IdempotencyStore _idempotency = new();
    private readonly Random _random;

    public MockEndpoint(CheckoutMockServerOptions options)
    {
        _options = options;
        _authority = new MockAuthority(options);
        Webhooks = new WebhookSender(options.Webhooks, options.TimeProvider);
        _payments = new MockPaymentFlow(options.TimeProvider, Notify);
        _tokenPages = new MockTokenPages(_composer, () => _payments.Created);
        _uploads = new MockUploads(_composer, options.TimeProvider);
        _random = options.FaultSeed is { } seed ? new Random(seed) : new Random();
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

    public void AddFault(CheckoutMockFault fault)
    {
        lock (_faults) _faults.Add(fault);
    }

    public async Task HandleAsync(HttpContext context, string host)
    {
        var response = context.Response;
        response.Headers["Cko-Request-Id"] = PaymentLedger.NewId("req_");
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
        var fault = TakeFault(operation.Id);
        if (fault is { ResetBeforeProcessing: true })
        {
            context.Abort();
            return;
        }

        if (fault is { MalformedBody: true } or { StatusCode: not null })
        {
            if (!await DelayAsync(fault, context).ConfigureAwait(false)) return;
            response.StatusCode = fault.StatusCode ?? Success(operation.Id).Status;
            if (fault.RetryAfter is { } wait) response.Headers["Retry-After"] = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await MockJson.WriteAsync(response, fault.MalformedBody ? "{\"request_id\": \"truncated" : ErrorBody(response, "injected_fault", null).ToString()).ConfigureAwait(false);
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

        if (fault is not null && !await DelayAsync(fault, context).ConfigureAwait(false)) return;
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
                await MockJson.WriteAsync(response, ErrorBody(response, "request_conflict", new[] { "idempotency_key_in_use" }).ToString()).ConfigureAwait(false);
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
                body = string.IsNullOrWhiteSpace(text) ? null : ParseVerbatim(text!);
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
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            var site = new Uri($"{request.Scheme}://{request.Host}/");
            await _payments.AnswerAsync(response, step, parameters, query, body as JObject ?? new JObject(), status => Example(operation.Id, status), site).ConfigureAwait(false);
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
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            var uri = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
            if (_tokenPages.Page(operation.Id, uri, query, example as JObject) is not { } page)
            {
                await UnprocessableAsync(response, new[] { "pagination_token_invalid" }).ConfigureAwait(false);
                return;
            }

            response.StatusCode = status;
            await MockJson.WriteAsync(response, page.ToString()).ConfigureAwait(false);
            return;
        }

        response.StatusCode = status;
        if (example is not null) await MockJson.WriteAsync(response, example.ToString()).ConfigureAwait(false);
    }

    /// <summary>Waits for the fault's delay; false when the client gave up meanwhile.</summary>
    private async Task<bool> DelayAsync(CheckoutMockFault fault, HttpContext context)
    {
        if (fault.Delay <= TimeSpan.Zero) return true;
        try
        {
            await Task.Delay(fault.Delay, _options.TimeProvider, context.RequestAborted).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
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
            // One roll per request: faults with a probability share it, so their chances add up and at most one applies.
            var roll = _random.NextDouble();
            var cumulative = 0.0;
            foreach (var fault in _faults)
            {
                if (fault.Times <= 0 || (fault.OperationId is not null && fault.OperationId != operationId)) continue;
                cumulative += fault.Probability;
                if (roll >= cumulative) continue;
                if (fault.Times != int.MaxValue && --fault.Times == 0) _faults.Remove(fault);
                fault.Count();
                return fault;
            }

            return null;
        }
    }

    private JToken? Example(string operationId, int status)
    {
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var media = _composer.ResponseMediaType(operationId, code);
        return media is not null && media.Contains("json", StringComparison.Ordinal) ? _composer.ResponseExamples(operationId, code).FirstOrDefault()?.Value : null;
    }

    private (int Status, JToken? Example) Success(string operationId)
    {
        var status = _composer.DocumentedStatuses(operationId).FirstOrDefault(s => s.StartsWith("2", StringComparison.Ordinal)) ?? "200";
        var media = _composer.ResponseMediaType(operationId, status);
        var example = media is not null && media.Contains("json", StringComparison.Ordinal) ? _composer.ResponseExamples(operationId, status).FirstOrDefault()?.Value : null;
        return (int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), example);
    }

    /// <summary>Parses a body keeping dates as the strings the client sent (a parsed date would be echoed in another format).</summary>
    private static JToken ParseVerbatim(string text)
    {
        using var json = new Newtonsoft.Json.JsonTextReader(new StringReader(text)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        var token = JToken.ReadFrom(json);
        if (json.Read()) throw new Newtonsoft.Json.JsonReaderException("Additional text after the JSON body.");
        return token;
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
