using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>
/// The 3DS challenge a 202's <c>_links.redirect</c> points at: <c>GET /3ds/{id}</c> is an HTML form (authenticate, fail);
/// posting it ends the payment (Authorized or Declined, with its webhook) and sends the browser to the request's
/// <c>success_url</c> or <c>failure_url</c> with <c>cko-session-id</c>.
/// </summary>
internal sealed class ThreeDsChallenge
{
    public const string PathPrefix = "/3ds/";
    private readonly PaymentLedger _ledger;
    private readonly Action<PaymentLedger.Payment, JObject>? _performed;

    public ThreeDsChallenge(PaymentLedger ledger, Action<PaymentLedger.Payment, JObject>? performed)
    {
        _ledger = ledger;
        _performed = performed;
    }

    /// <summary>The challenge's address for a pending payment, on the site the payment was requested from.</summary>
    public static Uri LinkFor(PaymentLedger.Payment payment, Uri site) => new(site, PathPrefix.TrimStart('/') + payment.Id);

    public static bool Handles(HttpRequest request) => request.Path.Value?.StartsWith(PathPrefix, StringComparison.Ordinal) == true;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var payment = _ledger.Find(request.Path.Value!.Substring(PathPrefix.Length).TrimEnd('/'));
        if (payment is null || payment.IsPayout)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (HttpMethods.IsGet(request.Method))
        {
            await PageAsync(response, payment).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var authenticated = form["outcome"] == "authenticate";
        var outcome = authenticated ? payment.AfterAuthentication ?? PaymentOutcome.Approval : PaymentOutcome.FailedAuthentication;
        if (_ledger.Complete(payment, outcome) is { } action) _performed?.Invoke(payment, action);
        // A second post (back button, double click) changes nothing and goes back to where the first one went.
        var back = payment.Approved ? payment.SuccessUrl : payment.FailureUrl;
        if (back is null || !Uri.TryCreate(back, UriKind.Absolute, out var target))
        {
            await ResultPageAsync(response, payment).ConfigureAwait(false);
            return;
        }

        var separator = string.IsNullOrEmpty(target.Query) ? "?" : "&";
        response.Redirect(target.AbsoluteUri + separator + "cko-session-id=" + Uri.EscapeDataString(payment.SessionId));
    }

    private static Task PageAsync(HttpResponse response, PaymentLedger.Payment payment)
    {
        string status;
        lock (payment.Lock) status = payment.Status;
        if (status != "Pending") return ResultPageAsync(response, payment);
        var amount = (payment.Amount / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        return HtmlAsync(response, "3-D Secure challenge", $"""
            <h1>3-D Secure challenge</h1>
            <p>The local Checkout server asks you to confirm the payment of <strong id="amount">{amount} {Html(payment.Currency)}</strong>
            (reference <span id="reference">{Html(payment.Reference ?? "none")}</span>).</p>
            <form method="post">
              <button id="authenticate" type="submit" name="outcome" value="authenticate">Authenticate</button>
              <button id="fail" type="submit" name="outcome" value="fail">Fail authentication</button>
            </form>
            """);
    }

    private static Task ResultPageAsync(HttpResponse response, PaymentLedger.Payment payment)
    {
        string status;
        lock (payment.Lock) status = payment.Status;
        return HtmlAsync(response, "3-D Secure complete", $"<h1>3-D Secure complete</h1><p>The payment is <span id=\"status\">{Html(status)}</span>.</p>");
    }

    private static Task HtmlAsync(HttpResponse response, string title, string body)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        return response.WriteAsync($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            + "<style>body{font-family:sans-serif;max-width:36rem;margin:3rem auto}button{font-size:1.1rem;margin-right:1rem;padding:.5rem 1rem}</style>"
            + $"</head><body>{body}</body></html>");
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
