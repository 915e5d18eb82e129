using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>Answers every request of the local server: token endpoint, authorisation, validation, state, faults.</summary>
internal sealed class MockEndpoint
{
    private static readonly (string Method, string Template, string Kind)[] PaymentFlow =
    {
        ("POST", "/payments", "Create"), ("GET", "/payments/{id}", "Details"), ("GET", "/payments/{id}/actions", "Actions"),
        ("POST", "/payments/{id}/captures", "Capture"), ("POST", "/payments/{id}/refunds", "Refund"), ("POST", "/payments/{id}/voids", "Void"),
    };

    private readonly CheckoutMockServerOptions _options;
    private readonly ExampleComposer _composer = new();
    private readonly OperationRoutes _routes = new(CheckoutOperationCatalog.All);
    private readonly MockTokens _tokens;
    private readonly PaymentLedger _payments;
    private readonly Dictionary<string, string> _flow;
    private readonly List<CheckoutMockFault> _faults = new();

    public MockEndpoint(CheckoutMockServerOptions options)
    {
        _options = options;
        _tokens = new MockTokens(options.TimeProvider);
        _payments = new PaymentLedger(options.TimeProvider);
        _flow = CheckoutOperationCatalog.All
            .Select(o => (o.Id, Kind: PaymentFlow.FirstOrDefault(f => f.Method == o.Method && f.Template == o.PathTemplate && o.Host == "api").Kind))
            .Where(x => x.Kind is not null).ToDictionary(x => x.Id, x => x.Kind, StringComparer.Ordinal);
    }

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
                await WriteAsync(response, fault.MalformedBody ? "{\"request_id\": \"truncated" : ErrorBody(response, "injected_fault", null).ToString()).ConfigureAwait(false);
                return;
            }
        }

        if (operation.Credentials == CheckoutCredentialKinds.None && operation.Host == "access")
        {
            await TokenAsync(context).ConfigureAwait(false);
            return;
        }

        if (!Authorised(context.Request, operation))
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

        if (_flow.TryGetValue(operation.Id, out var kind))
        {
            await PaymentAsync(response, operation, kind, parameters, body as JObject ?? new JObject()).ConfigureAwait(false);
            return;
        }

        var (status, example) = Success(operation.Id);
        response.StatusCode = status;
        if (example is not null) await WriteAsync(response, example.ToString()).ConfigureAwait(false);
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

    private bool Authorised(HttpRequest request, CheckoutOperation operation)
    {
        var header = request.Headers.Authorization.ToString();
        var credential = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header.Substring(7).Trim() : header.Trim();
        if (credential.Length == 0) return false;
        if (_tokens.ScopesOf(credential) is { } scopes)
        {
            return operation.Credentials.HasFlag(CheckoutCredentialKinds.OAuth) && (operation.Scopes.Count == 0 || operation.Scopes.Any(scopes.Contains));
        }

        if (_options.SecretKeys.Contains(credential)) return operation.Credentials.HasFlag(CheckoutCredentialKinds.SecretKey);
        if (_options.PublicKeys.Contains(credential)) return operation.Credentials.HasFlag(CheckoutCredentialKinds.PublicKey);
        return operation.Credentials.HasFlag(CheckoutCredentialKinds.Other) && credential.StartsWith("sek_", StringComparison.Ordinal);
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
        string? id = form?["client_id"], secret = form?["client_secret"];
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6).Trim()));
                var colon = pair.IndexOf(':');
                if (colon > 0) (id, secret) = (Uri.UnescapeDataString(pair.Substring(0, colon)), Uri.UnescapeDataString(pair.Substring(colon + 1)));
            }
            catch (FormatException)
            {
                id = null;
            }
        }

        var client = _options.Clients.FirstOrDefault(c => c.ClientId == id && c.ClientSecret == secret);
        if (client is null)
        {
            await OAuthErrorAsync(context.Response, StatusCodes.Status401Unauthorized, "invalid_client").ConfigureAwait(false);
            return;
        }

        if ((string?)form?["grant_type"] != "client_credentials")
        {
            await OAuthErrorAsync(context.Response, StatusCodes.Status400BadRequest, "unsupported_grant_type").ConfigureAwait(false);
            return;
        }

        var requested = ((string?)form?["scope"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requested.Any(s => !client.GrantedScopes.Contains(s)))
        {
            await OAuthErrorAsync(context.Response, StatusCodes.Status400BadRequest, "invalid_scope").ConfigureAwait(false);
            return;
        }

        var scopes = requested.Length > 0 ? requested : client.GrantedScopes.ToArray();
        var token = _tokens.Issue(client.ClientId, scopes, _options.TokenLifetime);
        context.Response.StatusCode = StatusCodes.Status200OK;
        await WriteAsync(context.Response, new JObject
        {
            ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = (long)_options.TokenLifetime.TotalSeconds, ["scope"] = string.Join(" ", scopes),
        }.ToString()).ConfigureAwait(false);
    }

    private async Task PaymentAsync(HttpResponse response, CheckoutOperation operation, string kind, Dictionary<string, string> parameters, JObject body)
    {
        var (status, example) = Success(operation.Id);
        if (kind == "Create")
        {
            var payment = _payments.Create(body, example as JObject ?? new JObject());
            response.StatusCode = status;
            await WriteAsync(response, PaymentView(payment, example as JObject, includeAction: true).ToString()).ConfigureAwait(false);
            return;
        }

        var found = parameters.TryGetValue("id", out var id) ? _payments.Find(id) : null;
        if (found is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        switch (kind)
        {
            case "Details":
                response.StatusCode = status;
                await WriteAsync(response, PaymentView(found, example as JObject, includeAction: false).ToString()).ConfigureAwait(false);
                return;
            case "Actions":
                response.StatusCode = status;
                lock (found.Lock) example = new JArray(Enumerable.Reverse(found.Actions).Select(a => a.DeepClone()));
                await WriteAsync(response, example.ToString()).ConfigureAwait(false);
                return;
        }

        var action = _payments.Apply(found, kind, (long?)body["amount"], (string?)body["reference"]);
        if (action is null)
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        response.StatusCode = status;
        var answer = example as JObject ?? new JObject();
        answer["action_id"] = action["id"]!.DeepClone();
        if (action["reference"] is { } reference) answer["reference"] = reference.DeepClone();
        await WriteAsync(response, answer.ToString()).ConfigureAwait(false);
    }

    private static JObject PaymentView(PaymentLedger.Payment payment, JObject? example, bool includeAction)
    {
        var view = example?.DeepClone() as JObject ?? new JObject();
        lock (payment.Lock)
        {
            view["id"] = payment.Id;
            view["amount"] = payment.Amount;
            view["currency"] = payment.Currency;
            view["status"] = payment.Status;
            view["approved"] = true;
            if (payment.Reference is not null) view["reference"] = payment.Reference;
            if (includeAction) view["action_id"] = payment.Actions[0]["id"]!.DeepClone();
            if (view["balances"] is JObject balances)
            {
                var authorised = payment.Status == "Voided" ? 0 : payment.Amount;
                balances["total_authorized"] = payment.Amount;
                balances["total_voided"] = payment.Status == "Voided" ? payment.Amount : 0;
                balances["available_to_void"] = payment.Status == "Authorized" ? payment.Amount : 0;
                balances["total_captured"] = payment.Captured;
                balances["available_to_capture"] = payment.Status is "Authorized" or "Partially Captured" ? authorised - payment.Captured : 0;
                balances["total_refunded"] = payment.Refunded;
                balances["available_to_refund"] = payment.Captured - payment.Refunded;
            }
        }

        return view;
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
        return WriteAsync(response, ErrorBody(response, "request_invalid", codes).ToString());
    }

    private static Task OAuthErrorAsync(HttpResponse response, int status, string error)
    {
        response.StatusCode = status;
        return WriteAsync(response, new JObject { ["error"] = error }.ToString());
    }

    private static Task WriteAsync(HttpResponse response, string json)
    {
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(json, CancellationToken.None);
    }
}
