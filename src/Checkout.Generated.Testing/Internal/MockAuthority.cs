using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>The local server's credentials: issues access tokens at the token endpoint and checks each request's credential.</summary>
internal sealed class MockAuthority
{
    private readonly CheckoutMockServerOptions _options;
    private readonly MockTokens _tokens;

    /// <summary>Tokens issued, by client id and requested scope (<c>{client} {scope}</c>; the scope empty when none was requested).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, int> Issued { get; } = new(StringComparer.Ordinal);

    /// <summary>Revokes every token issued so far.</summary>
    public void RevokeTokens() => _tokens.RevokeAll();

    public MockAuthority(CheckoutMockServerOptions options)
    {
        _options = options;
        _tokens = new MockTokens(options.TimeProvider);
    }

    /// <summary>Whether the request's Authorization header carries a credential the operation accepts.</summary>
    public bool Authorised(HttpRequest request, CheckoutOperation operation)
    {
        var header = request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        var credential = bearer ? header.Substring(7).Trim() : header.Trim();
        if (credential.Length == 0) return false;
        if (_tokens.ScopesOf(credential) is { } scopes)
        {
            return bearer && operation.Credentials.HasFlag(CheckoutCredentialKinds.OAuth) && (operation.Scopes.Count == 0 || operation.Scopes.Any(scopes.Contains));
        }

        if (_options.SecretKeys.Contains(credential)) return InSpecFormat(CheckoutCredentialKinds.SecretKey) && operation.Credentials.HasFlag(CheckoutCredentialKinds.SecretKey);
        if (_options.PublicKeys.Contains(credential)) return InSpecFormat(CheckoutCredentialKinds.PublicKey) && operation.Credentials.HasFlag(CheckoutCredentialKinds.PublicKey);
        return operation.Credentials.HasFlag(CheckoutCredentialKinds.Other) && credential.StartsWith("sek_", StringComparison.Ordinal);

        // A key is sent as the spec says: "Bearer {key}" on the current platform, the key as it is on the previous one.
        bool InSpecFormat(CheckoutCredentialKinds kind) => bearer == ((CheckoutOperationCatalog.Spec.BearerKeys & kind) != 0);
    }

    /// <summary>Answers <c>POST /connect/token</c> (client credentials, Basic or form), as Checkout's token endpoint does.</summary>
    public async Task IssueTokenAsync(HttpContext context)
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
        Issued.AddOrUpdate(client.ClientId + " " + string.Join(" ", requested), 1, (_, n) => n + 1);
        var token = _tokens.Issue(client.ClientId, scopes, _options.TokenLifetime);
        context.Response.StatusCode = StatusCodes.Status200OK;
        await MockJson.WriteAsync(context.Response, new JObject
        {
            ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = (long)_options.TokenLifetime.TotalSeconds, ["scope"] = string.Join(" ", scopes),
        }.ToString()).ConfigureAwait(false);
    }

    private static Task OAuthErrorAsync(HttpResponse response, int status, string error)
    {
        response.StatusCode = status;
        return MockJson.WriteAsync(response, new JObject { ["error"] = error }.ToString());
    }
}
