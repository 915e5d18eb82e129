using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.QuickStart;

/// <summary>Prints one line per call: operation, host, scope used, status, elapsed. Never a token, secret or card number.</summary>
public sealed class CallPrinter : DelegatingHandler
{
    private readonly TextWriter _output;

    /// <summary>Creates the printer.</summary>
    public CallPrinter(TextWriter output) => _output = output;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = CheckoutOperationCatalog.Of(request);
        var token = operation is null && request.Content is FormUrlEncodedContent form ? await form.ReadAsStringAsync(cancellationToken).ConfigureAwait(false) : null;
        var name = operation?.Id ?? (token is not null ? "token exchange" : request.Method + " " + request.RequestUri?.AbsolutePath);
        var scope = token is not null ? FormValue(token, "scope") ?? "(all granted)" : ScopeOf(request);
        var watch = Stopwatch.StartNew();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var host = (operation?.Host ?? (token is not null ? "access" : "?")) + " " + request.RequestUri?.Authority;
        _output.WriteLine($"{name,-26} {host,-34} {scope,-26} {(int)response.StatusCode,3} {watch.ElapsedMilliseconds,5} ms");
        return response;
    }

    private static string? FormValue(string form, string key) =>
        form.Split('&').Select(p => p.Split('=')).Where(p => p.Length == 2 && p[0] == key).Select(p => Uri.UnescapeDataString(p[1].Replace('+', ' '))).FirstOrDefault();

    // The scope claim of the bearer JWT; the token itself is never printed.
    private static string ScopeOf(HttpRequestMessage request)
    {
        var credential = request.Headers.Authorization?.Parameter;
        if (credential is null) return "(none)";
        if (credential.StartsWith("sk_", StringComparison.Ordinal)) return "(secret key)";
        if (credential.StartsWith("pk_", StringComparison.Ordinal)) return "(public key)";
        var parts = credential.Split('.');
        if (parts.Length != 3) return "(opaque token)";
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
            var claims = JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            return claims["scope"] is JArray many ? string.Join(" ", many) : (string?)claims["scope"] ?? "(no scope claim)";
        }
        catch (Exception e) when (e is FormatException or Newtonsoft.Json.JsonException)
        {
            return "(opaque token)";
        }
    }
}
