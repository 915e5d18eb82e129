using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>Issues and checks the local server's JWT-shaped access tokens.</summary>
internal sealed class MockTokens
{
    private readonly ConcurrentDictionary<string, (IReadOnlyCollection<string> Scopes, DateTimeOffset Expires)> _issued = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public MockTokens(TimeProvider time) => _time = time;

    public string Issue(string clientId, IReadOnlyCollection<string> scopes, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        var header = new JObject { ["alg"] = "HS256", ["typ"] = "at+jwt" };
        var payload = new JObject
        {
            ["iss"] = "checkout-local", ["client_id"] = clientId, ["scope"] = string.Join(" ", scopes),
            ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = now.Add(lifetime).ToUnixTimeSeconds(), ["jti"] = Guid.NewGuid().ToString("N"),
        };
        var unsigned = Encode(header.ToString(Newtonsoft.Json.Formatting.None)) + "." + Encode(payload.ToString(Newtonsoft.Json.Formatting.None));
        var token = unsigned + "." + Encode(RandomNumberGenerator.GetBytes(32));
        _issued[token] = (scopes.ToArray(), now.Add(lifetime));
        return token;
    }

    /// <summary>Forgets every token issued so far, as a revocation does: a call with one of them answers 401.</summary>
    public void RevokeAll() => _issued.Clear();

    /// <summary>The scopes of a live token, or null when the token is unknown or expired.</summary>
    public IReadOnlyCollection<string>? ScopesOf(string token) =>
        _issued.TryGetValue(token, out var entry) && entry.Expires > _time.GetUtcNow() ? entry.Scopes : null;

    private static string Encode(string text) => Encode(Encoding.UTF8.GetBytes(text));

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
