using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>
/// The token-paged lists of the local server (operations the normaliser marked <c>x-checkout-paging: token</c>): pages
/// of <c>limit</c> items, each but the last answered with a server-issued opaque token where the spec says the next token
/// is (a next link's query, or a property). Items whose schema has <c>payment_id</c> and <c>action_id</c> are the
/// ledger's payment actions; any other list pages its documented example items. Query parameters named like an item
/// property filter the items.
/// </summary>
internal sealed class MockTokenPages
{
    private const int DefaultLimit = 100;
    private readonly ExampleComposer _composer;
    private readonly Func<IReadOnlyList<PaymentLedger.Payment>> _payments;
    private readonly ConcurrentDictionary<string, (string Operation, string Filter, int Offset)> _tokens = new(StringComparer.Ordinal);

    public MockTokenPages(ExampleComposer composer, Func<IReadOnlyList<PaymentLedger.Payment>> payments)
    {
        _composer = composer;
        _payments = payments;
    }

    /// <summary>True when the operation is a token-paged list.</summary>
    public bool Pages(string operationId) => (string?)_composer.Operation(operationId)["x-checkout-paging"] == "token";

    /// <summary>The page the query asks for, or null when its token is unknown or was issued for other filters.</summary>
    /// <summary>Answers a token-paged list: the page the request asks for, or <c>422 pagination_token_invalid</c>.</summary>
    public async Task AnswerAsync(HttpContext context, string operationId, int status, JObject? example)
    {
        var request = context.Request;
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var uri = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
        if (Page(operationId, uri, query, example) is not { } page)
        {
            await MockErrors.UnprocessableAsync(context.Response, new[] { "pagination_token_invalid" }).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = status;
        await MockJson.WriteAsync(context.Response, page.ToString()).ConfigureAwait(false);
    }

    public JObject? Page(string operationId, Uri requestUri, IReadOnlyDictionary<string, string> query, JObject? example)
    {
        var operation = _composer.Operation(operationId);
        var cursor = (string)operation["x-checkout-paging-cursor"]!;
        var itemsName = (string)operation["x-checkout-paging-items-json"]!;
        var limitName = (string?)operation["x-checkout-paging-limit"];
        var filters = query.Where(q => q.Key != cursor && q.Key != limitName).OrderBy(q => q.Key, StringComparer.Ordinal).ToList();
        var filterKey = string.Join("&", filters.Select(f => f.Key + "=" + f.Value));
        var offset = 0;
        if (query.TryGetValue(cursor, out var token) && token.Length > 0)
        {
            if (!_tokens.TryGetValue(token, out var issued) || issued.Operation != operationId || issued.Filter != filterKey) return null;
            offset = issued.Offset;
        }

        var limit = limitName is not null && query.TryGetValue(limitName, out var l) && int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out var li) ? Math.Max(1, li) : DefaultLimit;
        var page = example?.DeepClone() as JObject ?? new JObject();
        var template = (page[itemsName] as JArray)?.FirstOrDefault() as JObject ?? new JObject();
        var filtering = filters.Where(f => template.ContainsKey(f.Key)).ToList();
        var items = Source(operationId, template).Where(item => filtering.All(f => (string?)item[f.Key] == f.Value)).ToList();
        var slice = items.Skip(offset).Take(limit).ToList();
        page[itemsName] = new JArray(slice);
        if (page.ContainsKey("count")) page["count"] = slice.Count;
        if (limitName is not null && page.ContainsKey(limitName)) page[limitName] = limit;

        string? next = null;
        if (offset + slice.Count < items.Count)
        {
            next = "ptk_" + Guid.NewGuid().ToString("N");
            _tokens[next] = (operationId, filterKey, offset + slice.Count);
        }

        var path = ((string)operation["x-checkout-paging-next-json"]!).Split('.');
        if (operation["x-checkout-paging-next-link"] is not null)
        {
            if (page[path[0]] is not JObject links) page[path[0]] = links = new JObject();
            links["self"] = new JObject { ["href"] = requestUri.AbsoluteUri };
            if (next is null) links.Remove(path[1]);
            else links[path[1]] = new JObject { [path[2]] = Link(requestUri, query, cursor, next) };
        }
        else if (next is null)
        {
            page.Remove(path[0]);
        }
        else
        {
            page[path[0]] = next;
        }

        return page;
    }

    private IEnumerable<JObject> Source(string operationId, JObject template)
    {
        if (!(template.ContainsKey("payment_id") && template.ContainsKey("action_id")))
        {
            return (_composer.ResponseExamples(operationId, "200").FirstOrDefault()?.Value[(string)_composer.Operation(operationId)["x-checkout-paging-items-json"]!] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>();
        }

        return _payments().SelectMany(payment =>
        {
            lock (payment.Lock)
            {
                return payment.Actions.Select(action =>
                {
                    var item = (JObject)template.DeepClone();
                    item["payment_id"] = payment.Id;
                    item["action_id"] = action["id"]!.DeepClone();
                    if (item.ContainsKey("action_type")) item["action_type"] = action["type"]!.DeepClone();
                    if (item.ContainsKey("processed_on")) item["processed_on"] = action["processed_on"]!.DeepClone();
                    if (payment.Reference is null) item.Remove("reference");
                    else item["reference"] = payment.Reference;
                    return item;
                }).ToList();
            }
        });
    }

    private static string Link(Uri requestUri, IReadOnlyDictionary<string, string> query, string cursor, string token)
    {
        var parameters = query.Where(q => q.Key != cursor).Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value))
            .Append(Uri.EscapeDataString(cursor) + "=" + Uri.EscapeDataString(token));
        return new UriBuilder(requestUri) { Query = string.Join("&", parameters) }.Uri.AbsoluteUri;
    }
}
