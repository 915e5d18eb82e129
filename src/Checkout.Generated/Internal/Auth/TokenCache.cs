using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using OAuthTokenResponse = Duende.IdentityModel.Client.TokenResponse;

namespace Checkout.Generated.Internal;

/// <summary>Access tokens per requested scope: cached until expiry minus the margin, one token request at a time per scope.</summary>
/// <remarks>Thread-safe. Concurrent callers for one scope share a single token request; a caller's cancellation stops its own wait only.
/// With an <see cref="ITokenStore"/> (the app's HybridCache), a token is looked up there before it is requested and stored there once issued.</remarks>
internal sealed class TokenCache
{
    private static readonly Func<string, Slot> NewSlot = _ => new Slot();
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly CheckoutSettings _settings;
    private readonly Func<HttpClient> _httpClient;
    private readonly ILogger _logger;
    private readonly ITokenStore? _store;

    /// <param name="settings">Validated settings with an access key.</param>
    /// <param name="httpClient">The client for token requests (not through the authenticating handler's logic: the request is untagged).</param>
    /// <param name="logger">Logger for token events.</param>
    /// <param name="store">Where tokens are shared with other instances; null: this process only.</param>
    public TokenCache(CheckoutSettings settings, Func<HttpClient> httpClient, ILogger logger, ITokenStore? store = null)
    {
        _settings = settings;
        _httpClient = httpClient;
        _logger = logger;
        _store = store;
    }

    /// <summary>A valid token for <paramref name="scope"/> (empty: no scope field), from the cache or a new token request.</summary>
    public Task<AccessToken> GetAsync(string scope, CancellationToken cancellationToken)
    {
        // A caller that has already given up must not cause a token request.
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<AccessToken>(cancellationToken);
        var slot = _slots.GetOrAdd(scope, NewSlot);
        var current = Volatile.Read(ref slot.Current);
        if (current is not null && IsFresh(current)) return current.Completed;

        TaskCompletionSource<AccessToken>? owner = null;
        Task<AccessToken> pending;
        lock (slot)
        {
            current = slot.Current;
            if (current is not null && IsFresh(current)) return current.Completed;
            if (slot.Pending is null)
            {
                owner = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                slot.Pending = owner.Task;
            }

            pending = slot.Pending;
        }

        // Started outside the lock so a synchronously completing request cannot re-enter it.
        if (owner is not null) _ = FillAsync(slot, scope, owner);
        return pending.WaitForAsync(cancellationToken);
    }

    /// <summary>Drops <paramref name="rejected"/> (the API answered 401 to it) here and in the store, unless a newer token already replaced it.</summary>
    public async Task InvalidateAsync(string scope, AccessToken rejected)
    {
        if (!_slots.TryGetValue(scope, out var slot)) return;
        lock (slot)
        {
            if (!ReferenceEquals(slot.Current, rejected)) return;
            slot.Current = null;
        }

        // Another instance may have replaced it already: then that token is used here too, without a token request.
        if (_store is null || await _store.RejectAsync(scope, rejected).ConfigureAwait(false) is not { } replacement || !IsFresh(replacement)) return;
        lock (slot) slot.Current ??= replacement;
    }

    private bool IsFresh(AccessToken token) => _settings.Time.GetUtcNow() < token.RefreshAt;

    private async Task FillAsync(Slot slot, string scope, TaskCompletionSource<AccessToken> owner)
    {
        try
        {
            var token = _store is null ? null : await _store.GetAsync(scope).ConfigureAwait(false);
            if (token is null || !IsFresh(token))
            {
                token = await RequestAsync(scope).ConfigureAwait(false);
                if (_store is not null) await _store.SetAsync(scope, token).ConfigureAwait(false);
            }

            lock (slot)
            {
                slot.Current = token;
                slot.Pending = null;
            }

            owner.SetResult(token);
        }
        catch (Exception ex)
        {
            lock (slot)
            {
                slot.Pending = null;
            }

            owner.SetException(ex);
        }
    }

    /// <summary>Requests a token inside its own span (a child of the call that needed it), counted by outcome.</summary>
    private async Task<AccessToken> RequestAsync(string scope)
    {
        using var activity = CheckoutTelemetry.Source.StartActivity("POST token", System.Diagnostics.ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(CheckoutTelemetry.ScopeTag, scope);
            activity.SetTag("server.address", _settings.TokenEndpoint?.Host);
        }
        try
        {
            var token = await RequestTokenAsync(scope).ConfigureAwait(false);
            CheckoutTelemetry.TokenRequested(activity, "issued");
            return token;
        }
        catch (CheckoutTokenException e)
        {
            CheckoutTelemetry.TokenRequested(activity, e.Error);
            throw;
        }
    }

    private async Task<AccessToken> RequestTokenAsync(string scope)
    {
        var endpoint = _settings.TokenEndpoint ?? throw new CheckoutConfigurationException(new[] { "Checkout:TokenEndpoint cannot be composed: set AccountPrefix or TokenEndpoint." });
        var request = new ClientCredentialsTokenRequest
        {
            Address = endpoint.AbsoluteUri,
            ClientId = _settings.AccessKeyId!,
            ClientSecret = _settings.AccessKeySecret,
            ClientCredentialStyle = ClientCredentialStyle.AuthorizationHeader,
            Scope = scope.Length == 0 ? null : scope,
        };

        OAuthTokenResponse response;
        try
        {
            // Not the caller's token: the request is shared by every waiter; HttpClient.Timeout bounds it.
            response = await _httpClient().RequestClientCredentialsTokenAsync(request, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTimeout(ex))
        {
            throw Fail(scope, endpoint, "timeout", null, "the token endpoint did not answer in time", ex);
        }
        catch (HttpRequestException ex)
        {
            throw Fail(scope, endpoint, "network_error", null, "the token endpoint could not be reached", ex);
        }

        using (response)
        {
            if (response.IsError) throw FromErrorResponse(scope, endpoint, response);
            if (string.IsNullOrEmpty(response.AccessToken))
                throw Fail(scope, endpoint, "invalid_response", (int)response.HttpStatusCode, "the response has no access_token", null);

            var lifetime = TimeSpan.FromSeconds(Math.Max(0, response.ExpiresIn));
            Log.TokenIssued(_logger, scope, endpoint.AbsoluteUri, lifetime.TotalSeconds, null);

            // No expires_in (IdentityModel reads it as 0): keep the token until the API rejects it (a 401 refreshes it),
            // rather than treating it as already expired, which would request a token for every call.
            if (lifetime <= TimeSpan.Zero) return new AccessToken(response.AccessToken!, DateTimeOffset.MaxValue);

            // A lifetime shorter than the margin would make every call fetch a token: use half of it instead.
            var usable = lifetime - _settings.RefreshMargin;
            if (usable <= TimeSpan.Zero) usable = TimeSpan.FromTicks(lifetime.Ticks / 2);
            return new AccessToken(response.AccessToken!, _settings.Time.GetUtcNow() + usable);
        }
    }

    private CheckoutTokenException FromErrorResponse(string scope, Uri endpoint, OAuthTokenResponse response)
    {
        int? status = response.HttpStatusCode == 0 ? null : (int)response.HttpStatusCode;
        var answered = status is >= 200 and < 300;
        if (response.ErrorType == ResponseErrorType.Exception && !answered)
        {
            return IsTimeout(response.Exception)
                ? Fail(scope, endpoint, "timeout", status, "the token endpoint did not answer in time", response.Exception)
                : Fail(scope, endpoint, "network_error", status, "the token endpoint could not be reached", response.Exception);
        }

        // RFC 6749 5.2: an error response is 400 or 401 with an "error" member (IdentityModel reads it only from a 400).
        var (error, description) = response.ErrorType == ResponseErrorType.Protocol && !string.IsNullOrEmpty(response.Error)
            ? (response.Error, response.ErrorDescription)
            : status is 400 or 401 ? OAuthError(response.Raw) : (null, null);
        if (!string.IsNullOrEmpty(error))
        {
            var detail = string.IsNullOrEmpty(description) ? "" : $" ({description})";
            return Fail(scope, endpoint, error!, status, $"the OAuth error the token endpoint returned{detail}", null);
        }

        return answered
            ? Fail(scope, endpoint, "invalid_response", status, "the token endpoint answered, but not with a JSON token response (a proxy or an error page?)", response.Exception)
            : Fail(scope, endpoint, "http_error", status, $"the token endpoint answered HTTP {status} {response.HttpErrorReason}".TrimEnd(), null);
    }

    private static (string? Error, string? Description) OAuthError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body!.TrimStart()[0] != '{') return (null, null);
        try
        {
            var json = Newtonsoft.Json.Linq.JObject.Parse(body);
            return (json["error"]?.Type == Newtonsoft.Json.Linq.JTokenType.String ? (string?)json["error"] : null,
                json["error_description"]?.Type == Newtonsoft.Json.Linq.JTokenType.String ? (string?)json["error_description"] : null);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return (null, null);
        }
    }

    // Whatever fires it: HttpClient.Timeout (TaskCanceledException), the resilience pipeline's timeouts, a TimeoutException.
    private static bool IsTimeout(Exception? exception) =>
        exception is OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException;

    private CheckoutTokenException Fail(string scope, Uri endpoint, string error, int? status, string what, Exception? inner)
    {
        // The error can be a server-supplied string: scrubbed like the message.
        Log.TokenFailed(_logger, scope, endpoint.AbsoluteUri, Scrub(error), null);
        var message = $"Checkout.com did not issue an access token for scope '{scope}' from {endpoint.AbsoluteUri}: {error} ({what})" +
            $"{(status is null ? "" : $" [HTTP {status}]")}. Check Checkout:AccessKeyId, Checkout:AccessKeySecret, the scopes granted to the key, " +
            "the environment and the account prefix.";
        return new CheckoutTokenException(Scrub(message), error, endpoint, status, inner);
    }

    // Defence in depth: an error description echoed by a server must not leak the secret into a message.
    private string Scrub(string text)
    {
        var secret = _settings.AccessKeySecret;
        return string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***");
    }

    private sealed class Slot
    {
        public AccessToken? Current;
        public Task<AccessToken>? Pending;
    }
}
