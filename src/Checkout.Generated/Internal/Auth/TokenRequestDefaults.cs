using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace Checkout.Generated.Internal;

/// <summary>
/// Completes a call to the operation served at the OAuth token URL from the options, so that it works with its defaults:
/// <c>grant_type=client_credentials</c> when the form has none, and the access key as HTTP Basic client authentication
/// (RFC 6749 2.3.1, as the token cache sends it) when the form carries no <c>client_id</c>.
/// </summary>
internal static class TokenRequestDefaults
{
    private const string GrantType = "grant_type";
    private const string ClientId = "client_id";

    public static async Task ApplyAsync(HttpRequestMessage request, CheckoutSettings settings)
    {
        if (request.Content is not FormUrlEncodedContent form) return;
        var fields = Parse(await form.ReadAsStringAsync().ConfigureAwait(false));
        var hasGrant = fields.Exists(f => f.Key == GrantType);
        var hasClient = fields.Exists(f => f.Key == ClientId);
        if (!hasClient && settings.HasOAuth)
        {
            var pair = Uri.EscapeDataString(settings.AccessKeyId!) + ":" + Uri.EscapeDataString(settings.AccessKeySecret!);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        if (hasGrant) return;

        fields.Insert(0, new KeyValuePair<string, string>(GrantType, "client_credentials"));
        var completed = new FormUrlEncodedContent(fields);
        completed.Headers.ContentType = form.Headers.ContentType;
        request.Content = completed;
        form.Dispose();
    }

    private static List<KeyValuePair<string, string>> Parse(string form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var pair in form.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = Decode(equals < 0 ? pair : pair.Substring(0, equals));
            var value = equals < 0 ? "" : Decode(pair.Substring(equals + 1));
            fields.Add(new KeyValuePair<string, string>(key, value));
        }
        return fields;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
