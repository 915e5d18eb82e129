using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>The stateful part of the local server: a payment's create, list, details, actions, capture, refund and void.</summary>
/// <remarks>
/// The one place the Testing package names paths: the payment lifecycle is behaviour the spec does not describe. The table is
/// matched against the catalog, so an operation id change flows through; a path change makes these operations answer with
/// their static examples (and the payment flow tests fail).
/// </remarks>
internal sealed class MockPaymentFlow
{
    private static readonly (string Method, string Template, string Kind)[] Steps =
    {
        ("POST", "/payments", "Create"), ("GET", "/payments", "List"), ("GET", "/payments/{id}", "Details"), ("GET", "/payments/{id}/actions", "Actions"),
        ("POST", "/payments/{id}/captures", "Capture"), ("POST", "/payments/{id}/refunds", "Refund"), ("POST", "/payments/{id}/voids", "Void"),
    };

    private readonly PaymentLedger _payments;
    private readonly Dictionary<string, string> _kinds;
    private readonly Action<PaymentLedger.Payment, JObject>? _performed;
    private readonly TimeProvider _time;
    private readonly TimeSpan _settlement;

    /// <param name="time">The clock of the actions.</param>
    /// <param name="performed">Called with the payment and the new action after each lifecycle action, in order, before the answer is written.</param>
    /// <param name="settlement">How long a payout stays pending before it is paid or declined.</param>
    public MockPaymentFlow(TimeProvider time, Action<PaymentLedger.Payment, JObject>? performed = null, TimeSpan? settlement = null)
    {
        _payments = new PaymentLedger(time);
        _performed = performed;
        _time = time;
        _settlement = settlement ?? TimeSpan.FromSeconds(1);
        _kinds = CheckoutOperationCatalog.All
            .Select(o => (o.Id, Kind: Steps.FirstOrDefault(f => f.Method == o.Method && f.Template == o.PathTemplate && o.Host == "api").Kind))
            .Where(x => x.Kind is not null).ToDictionary(x => x.Id, x => x.Kind, StringComparer.Ordinal);
    }

    /// <summary>The payments (for the 3DS challenge and the disputes that follow a capture).</summary>
    public PaymentLedger Ledger => _payments;

    /// <summary>Every payment created, in creation order.</summary>
    public IReadOnlyList<PaymentLedger.Payment> Created => _payments.All;

    /// <summary>The path of the payment's details (<c>/payments/pay_…</c>), or null when the spec has no such operation.</summary>
    public string? DetailsPath(string paymentId) =>
        CheckoutOperationCatalog.All.FirstOrDefault(o => StepOf(o.Id) == "Details")?.PathTemplate.Replace("{id}", paymentId, StringComparison.Ordinal);

    /// <summary>The payment step an operation is (<c>Create</c>, <c>Capture</c>, …), or null when it is not part of the flow.</summary>
    public string? StepOf(string operationId) => _kinds.TryGetValue(operationId, out var kind) ? kind : null;

    /// <summary>Answers a payment step from the ledger, shaped like the operation's documented example for the status it answers with.</summary>
    public async Task AnswerAsync(HttpResponse response, string kind, Dictionary<string, string> parameters, Dictionary<string, string> query, JObject body,
        Func<int, JToken?> exampleFor, Uri site)
    {
        switch (kind)
        {
            case "Create":
                var outcome = PaymentOutcome.For(body);
                var status = outcome.Accepted ? StatusCodes.Status202Accepted : StatusCodes.Status201Created;
                var example = exampleFor(status) as JObject ?? exampleFor(StatusCodes.Status201Created) as JObject ?? new JObject();
                var payment = _payments.Create(body, exampleFor(StatusCodes.Status201Created) as JObject ?? example, outcome);
                _performed?.Invoke(payment, payment.Actions[0]);
                if (outcome.IsPayout) _ = SettleAsync(payment);
                var view = PaymentView(payment, example, includeAction: true);
                if (outcome.RedirectsCustomer) view["_links"] = Links(payment, site, redirect: true);
                response.StatusCode = status;
                await MockJson.WriteAsync(response, view.ToString()).ConfigureAwait(false);
                return;
            case "List":
                response.StatusCode = StatusCodes.Status200OK;
                await MockJson.WriteAsync(response, List(query, exampleFor(StatusCodes.Status200OK) as JObject).ToString()).ConfigureAwait(false);
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
                response.StatusCode = StatusCodes.Status200OK;
                await MockJson.WriteAsync(response, PaymentView(found, exampleFor(StatusCodes.Status200OK) as JObject, includeAction: false).ToString()).ConfigureAwait(false);
                return;
            case "Actions":
                response.StatusCode = StatusCodes.Status200OK;
                JArray actions;
                lock (found.Lock) actions = new JArray(Enumerable.Reverse(found.Actions).Select(a => a.DeepClone()));
                await MockJson.WriteAsync(response, actions.ToString()).ConfigureAwait(false);
                return;
        }

        var action = _payments.Apply(found, kind, (long?)body["amount"], (string?)body["reference"]);
        if (action is null)
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        _performed?.Invoke(found, action);
        response.StatusCode = StatusCodes.Status202Accepted;
        var answer = exampleFor(StatusCodes.Status202Accepted) as JObject ?? new JObject();
        answer["action_id"] = action["id"]!.DeepClone();
        if (action["reference"] is { } reference) answer["reference"] = reference.DeepClone();
        await MockJson.WriteAsync(response, answer.ToString()).ConfigureAwait(false);
    }

    /// <summary>The payments whose reference is <c>reference</c> (all when absent), newest first, paged by <c>limit</c> and <c>skip</c>.</summary>
    private JObject List(Dictionary<string, string> query, JObject? example)
    {
        var limit = query.TryGetValue("limit", out var l) && int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out var li) ? Math.Max(1, li) : 10;
        var skip = query.TryGetValue("skip", out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var si) ? Math.Max(0, si) : 0;
        query.TryGetValue("reference", out var reference);
        var matching = _payments.All.Where(p => string.IsNullOrEmpty(reference) || p.Reference == reference).Reverse().ToList();
        var item = (example?["data"] as JArray)?.FirstOrDefault() as JObject;
        var list = example?.DeepClone() as JObject ?? new JObject();
        list["limit"] = limit;
        list["skip"] = skip;
        list["total_count"] = matching.Count;
        list["data"] = new JArray(matching.Skip(skip).Take(limit).Select(p => PaymentView(p, item ?? p.Template, includeAction: false)));
        return list;
    }

    /// <summary>A payout is paid (or declined, as its amount says) once the settlement delay has passed on the server's clock.</summary>
    private async Task SettleAsync(PaymentLedger.Payment payout)
    {
        await Task.Delay(_settlement, _time).ConfigureAwait(false);
        if (_payments.Complete(payout, PaymentOutcome.Settled(payout)) is { } action) _performed?.Invoke(payout, action);
    }

    private JObject Links(PaymentLedger.Payment payment, Uri site, bool redirect)
    {
        var self = DetailsPath(payment.Id) ?? "/payments/" + payment.Id;
        var links = new JObject { ["self"] = new JObject { ["href"] = new Uri(site, self.TrimStart('/')).AbsoluteUri } };
        if (redirect) links["redirect"] = new JObject { ["href"] = ThreeDsChallenge.LinkFor(payment, site).AbsoluteUri };
        return links;
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
            view["approved"] = payment.Approved;
            if (payment.ResponseCode is not null)
            {
                view["response_code"] = payment.ResponseCode;
                view["response_summary"] = payment.ResponseSummary;
            }
            else
            {
                view.Remove("response_code");
                view.Remove("response_summary");
            }

            if (payment.Reference is not null) view["reference"] = payment.Reference;
            if (includeAction && payment.Actions.Count > 0) view["action_id"] = payment.Actions[0]["id"]!.DeepClone();
            else if (includeAction) view.Remove("action_id");
            if (view["balances"] is JObject balances)
            {
                var authorised = payment.Status is "Voided" or "Declined" or "Pending" ? 0 : payment.Amount;
                balances["total_authorized"] = authorised;
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
