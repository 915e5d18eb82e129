using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>
/// The disputes API of the local server: list (paged over every dispute raised), details, evidence (provide, read, submit) and accept,
/// each operation found in the catalog by method and path template; a release without one simply lacks that step.
/// </summary>
internal sealed class MockDisputeFlow
{
    private static readonly (string Method, string Template, string Kind)[] Steps =
    {
        ("GET", "/disputes", "List"), ("GET", "/disputes/{dispute_id}", "Details"), ("PUT", "/disputes/{dispute_id}/evidence", "Provide"),
        ("GET", "/disputes/{dispute_id}/evidence", "Evidence"), ("POST", "/disputes/{dispute_id}/evidence", "Submit"), ("POST", "/disputes/{dispute_id}/accept", "Accept"),
    };

    private readonly DisputeLedger _disputes;
    private readonly Dictionary<string, string> _kinds;
    private readonly Action<DisputeLedger.Dispute, string> _changed;
    private readonly TimeProvider _time;
    private readonly TimeSpan _settlement;

    /// <param name="time">The clock of the changes.</param>
    /// <param name="settlement">How long submitted evidence is under review before the dispute is won.</param>
    /// <param name="changed">Called with the dispute and its new state's event types (the spec's names) after each change, in order.</param>
    public MockDisputeFlow(TimeProvider time, TimeSpan settlement, Action<DisputeLedger.Dispute, string> changed)
    {
        _disputes = new DisputeLedger(time);
        _time = time;
        _settlement = settlement;
        _changed = changed;
        _kinds = CheckoutOperationCatalog.All
            .Select(o => (o.Id, Kind: Steps.FirstOrDefault(f => f.Method == o.Method && f.Template == o.PathTemplate && o.Host == "api").Kind))
            .Where(x => x.Kind is not null).ToDictionary(x => x.Id, x => x.Kind, StringComparer.Ordinal);
    }

    public IReadOnlyList<DisputeLedger.Dispute> Raised => _disputes.All;

    public string? StepOf(string operationId) => _kinds.TryGetValue(operationId, out var kind) ? kind : null;

    /// <summary>After a payment action: a capture of the disputed test amount raises a dispute (when the spec can show one).</summary>
    public void OnPaymentAction(PaymentLedger.Payment payment, JObject action)
    {
        if (!_kinds.ContainsValue("List") && !_kinds.ContainsValue("Details")) return;
        if (_disputes.RaiseFor(payment, action) is not { } dispute) return;
        Changed(dispute, "dispute_received");
        Changed(dispute, "dispute_evidence_required");
    }

    public async Task AnswerAsync(HttpResponse response, string kind, Dictionary<string, string> parameters, Dictionary<string, string> query, JObject body,
        Func<int, JToken?> exampleFor)
    {
        if (kind == "List")
        {
            response.StatusCode = StatusCodes.Status200OK;
            await MockJson.WriteAsync(response, List(query, exampleFor(StatusCodes.Status200OK) as JObject).ToString()).ConfigureAwait(false);
            return;
        }

        if (parameters.Values.FirstOrDefault() is not { } id || _disputes.Find(id) is not { } dispute)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        switch (kind)
        {
            case "Details":
                await WriteAsync(response, StatusCodes.Status200OK, DisputeLedger.View(dispute, exampleFor(StatusCodes.Status200OK) as JObject)).ConfigureAwait(false);
                return;
            case "Evidence":
                var evidence = exampleFor(StatusCodes.Status200OK) as JObject ?? new JObject();
                lock (dispute.Lock) evidence.Merge(dispute.Evidence.DeepClone());
                await WriteAsync(response, StatusCodes.Status200OK, evidence).ConfigureAwait(false);
                return;
            case "Provide":
                lock (dispute.Lock)
                {
                    if (dispute.Status != "evidence_required")
                    {
                        response.StatusCode = StatusCodes.Status403Forbidden;
                        return;
                    }

                    foreach (var field in body.Properties().Where(p => p.Name != "_links")) dispute.Evidence[field.Name] = field.Value.DeepClone();
                }

                response.StatusCode = StatusCodes.Status204NoContent;
                return;
            case "Submit":
                bool provided;
                lock (dispute.Lock) provided = dispute.Evidence.HasValues;
                if (!provided)
                {
                    await UnprocessableAsync(response, "evidence_required").ConfigureAwait(false);
                    return;
                }

                if (!Move(response, dispute, "evidence_required", "evidence_under_review", "dispute_evidence_submitted")) return;
                _ = DecideAsync(dispute);
                return;
            case "Accept":
                Move(response, dispute, "evidence_required", "accepted", "dispute_accepted");
                return;
        }
    }

    /// <summary>Submitted evidence wins the dispute once the settlement delay has passed on the server's clock.</summary>
    private async Task DecideAsync(DisputeLedger.Dispute dispute)
    {
        await Task.Delay(_settlement, _time).ConfigureAwait(false);
        if (_disputes.Move(dispute, "evidence_under_review", "won")) Changed(dispute, "dispute_won");
    }

    private bool Move(HttpResponse response, DisputeLedger.Dispute dispute, string from, string to, string eventType)
    {
        if (!_disputes.Move(dispute, from, to))
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            return false;
        }

        Changed(dispute, eventType);
        response.StatusCode = StatusCodes.Status204NoContent;
        return true;
    }

    private void Changed(DisputeLedger.Dispute dispute, string eventType)
    {
        if (WebhookEvents.Named(eventType) is { } named) _changed(dispute, named);
    }

    /// <summary>The disputes matching the query's <c>payment_id</c>, <c>payment_reference</c>, <c>id</c> and <c>statuses</c>, newest first, paged by <c>limit</c>/<c>skip</c>.</summary>
    private JObject List(Dictionary<string, string> query, JObject? example)
    {
        var limit = query.TryGetValue("limit", out var l) && int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out var li) ? Math.Clamp(li, 1, 250) : 50;
        var skip = query.TryGetValue("skip", out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var si) ? Math.Max(0, si) : 0;
        var statuses = query.TryGetValue("statuses", out var st) && st.Length > 0 ? st.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
        var matching = _disputes.All.Reverse()
            .Where(d => !query.TryGetValue("payment_id", out var p) || p.Length == 0 || d.PaymentId == p)
            .Where(d => !query.TryGetValue("payment_reference", out var r) || r.Length == 0 || d.PaymentReference == r)
            .Where(d => !query.TryGetValue("id", out var i) || i.Length == 0 || d.Id == i)
            .Where(d => statuses is null || statuses.Contains(d.Status, StringComparer.Ordinal))
            .ToList();
        var item = (example?["data"] as JArray)?.FirstOrDefault() as JObject;
        var list = example?.DeepClone() as JObject ?? new JObject();
        // The example's filters are not this query's: the list names only what it holds.
        foreach (var filter in new[] { "from", "to", "id", "entity_ids", "sub_entity_ids", "statuses", "payment_id", "payment_reference", "payment_arn", "payment_mcc", "this_channel_only" }) list.Remove(filter);

        list["limit"] = limit;
        list["skip"] = skip;
        list["total_count"] = matching.Count;
        list["data"] = new JArray(matching.Skip(skip).Take(limit).Select(d => DisputeLedger.View(d, item)));
        return list;
    }

    private static Task WriteAsync(HttpResponse response, int status, JObject body)
    {
        response.StatusCode = status;
        return MockJson.WriteAsync(response, body.ToString());
    }

    private static Task UnprocessableAsync(HttpResponse response, string code)
    {
        response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var body = new JObject { ["request_id"] = response.Headers["Cko-Request-Id"].ToString(), ["error_type"] = "request_invalid", ["error_codes"] = new JArray(code) };
        return MockJson.WriteAsync(response, body.ToString());
    }
}
