using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>The stateful part of the local server: a payment's create, details, actions, capture, refund and void.</summary>
/// <remarks>
/// The one place the Testing package names paths: the payment lifecycle is behaviour the spec does not describe. The table is
/// matched against the catalog, so an operation id change flows through; a path change makes these operations answer with
/// their static examples (and the payment flow tests fail).
/// </remarks>
internal sealed class MockPaymentFlow
{
    private static readonly (string Method, string Template, string Kind)[] Steps =
    {
        ("POST", "/payments", "Create"), ("GET", "/payments/{id}", "Details"), ("GET", "/payments/{id}/actions", "Actions"),
        ("POST", "/payments/{id}/captures", "Capture"), ("POST", "/payments/{id}/refunds", "Refund"), ("POST", "/payments/{id}/voids", "Void"),
    };

    private readonly PaymentLedger _payments;
    private readonly Dictionary<string, string> _kinds;
    private readonly Action<PaymentLedger.Payment, JObject>? _performed;

    /// <param name="time">The clock of the actions.</param>
    /// <param name="performed">Called with the payment and the new action after each lifecycle action, in order, before the answer is written.</param>
    public MockPaymentFlow(TimeProvider time, Action<PaymentLedger.Payment, JObject>? performed = null)
    {
        _payments = new PaymentLedger(time);
        _performed = performed;
        _kinds = CheckoutOperationCatalog.All
            .Select(o => (o.Id, Kind: Steps.FirstOrDefault(f => f.Method == o.Method && f.Template == o.PathTemplate && o.Host == "api").Kind))
            .Where(x => x.Kind is not null).ToDictionary(x => x.Id, x => x.Kind, StringComparer.Ordinal);
    }

    /// <summary>The path of the payment's details (<c>/payments/pay_…</c>), or null when the spec has no such operation.</summary>
    public string? DetailsPath(string paymentId) =>
        CheckoutOperationCatalog.All.FirstOrDefault(o => StepOf(o.Id) == "Details")?.PathTemplate.Replace("{id}", paymentId, StringComparison.Ordinal);

    /// <summary>The payment step an operation is (<c>Create</c>, <c>Capture</c>, …), or null when it is not part of the flow.</summary>
    public string? StepOf(string operationId) => _kinds.TryGetValue(operationId, out var kind) ? kind : null;

    /// <summary>Answers a payment step from the ledger, shaped like the operation's documented success example.</summary>
    public async Task AnswerAsync(HttpResponse response, string kind, Dictionary<string, string> parameters, JObject body, (int Status, JToken? Example) success)
    {
        var (status, example) = success;
        if (kind == "Create")
        {
            var payment = _payments.Create(body, example as JObject ?? new JObject());
            _performed?.Invoke(payment, payment.Actions[0]);
            response.StatusCode = status;
            await MockJson.WriteAsync(response, PaymentView(payment, example as JObject, includeAction: true).ToString()).ConfigureAwait(false);
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
                await MockJson.WriteAsync(response, PaymentView(found, example as JObject, includeAction: false).ToString()).ConfigureAwait(false);
                return;
            case "Actions":
                response.StatusCode = status;
                lock (found.Lock) example = new JArray(Enumerable.Reverse(found.Actions).Select(a => a.DeepClone()));
                await MockJson.WriteAsync(response, example.ToString()).ConfigureAwait(false);
                return;
        }

        var action = _payments.Apply(found, kind, (long?)body["amount"], (string?)body["reference"]);
        if (action is null)
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        _performed?.Invoke(found, action);
        response.StatusCode = status;
        var answer = example as JObject ?? new JObject();
        answer["action_id"] = action["id"]!.DeepClone();
        if (action["reference"] is { } reference) answer["reference"] = reference.DeepClone();
        await MockJson.WriteAsync(response, answer.ToString()).ConfigureAwait(false);
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
}
