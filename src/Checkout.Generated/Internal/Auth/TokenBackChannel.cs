using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Duende.IdentityModel.Client;
using Microsoft.Extensions.Logging;
using OAuthTokenResponse = Duende.IdentityModel.Client.TokenResponse;

namespace Checkout.Generated.Internal;

/// <summary>
/// Requests access tokens over their own HTTP client (Duende's "back channel"), never through the API pipeline they serve:
/// each try bounded by <see cref="CheckoutOptions.TokenRequestTimeout"/> on the options' clock, a transient failure (no
/// answer, 429, 502, 503, 504) tried again up to <see cref="CheckoutResilienceOptions.MaxRetryAttempts"/> times.
/// </summary>
/// <remarks>Stateless and thread-safe; <see cref="TokenCache"/> makes sure one request at a time runs per scope.</remarks>
internal sealed class TokenBackChannel
{
    private readonly CheckoutSettings _settings;
    private readonly Func<HttpClient> _httpClient;
    private readonly ILogger _logger;

    /// <param name="settings">Validated settings with an access key.</param>
    /// <param name="httpClient">The back channel's client: the registration's primary handler without the API handlers.</param>
    /// <param name="logger">Logger for token events.</param>
    public TokenBackChannel(CheckoutSettings settings, Func<HttpClient> httpClient, ILogger logger)
    {
        _settings = settings;
        _httpClient = httpClient;
        _logger = logger;
    }

    /// <summary>A new token for <paramref name="scope"/> (empty: no scope field); <see cref="CheckoutTokenException"/> when none is issued.</summary>
    /// <remarks>Not the caller's cancellation: the request is shared by every waiter; its own timeout bounds it.</remarks>
    public async Task<AccessToken> RequestAsync(string scope)
    {
        var endpoint = _settings.TokenEndpoint ?? throw new CheckoutConfigurationException(new[] { "Checkout:TokenEndpoint cannot be composed: set AccountPrefix or TokenEndpoint." });
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await TryAsync(scope, endpoint).ConfigureAwait(false);
            if (outcome.Token is { } token) return token;
            if (!outcome.Transient || attempt >= _settings.TokenRetries) throw outcome.Failure!;
            var wait = Backoff(attempt);
            if (wait > TimeSpan.Zero) await Delay(wait).ConfigureAwait(false);
        }
    }

    private async Task<(AccessToken? Token, CheckoutTokenException? Failure, bool Transient)> TryAsync(string scope, Uri endpoint)
    {
        var request = new ClientCredentialsTokenRequest
        {
            Address = endpoint.AbsoluteUri,
            ClientId = _settings.AccessKeyId!,
            ClientSecret = _settings.AccessKeySecret,
            ClientCredentialStyle = ClientCredentialStyle.AuthorizationHeader,
            Scope = scope.Length == 0 ? null : scope,
        };

        OAuthTokenResponse response;
        using var timeout = StartTimeout();
        try
        {
            response = await _httpClient().RequestClientCredentialsTokenAsync(request, timeout?.Token ?? CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (TokenFailures.IsTimeout(ex))
        {
            return (null, Fail(scope, endpoint, "timeout", null, "the token endpoint did not answer in time", ex), true);
        }
        catch (HttpRequestException ex)
        {
            return (null, Fail(scope, endpoint, "network_error", null, "the token endpoint could not be reached", ex), true);
        }

        using (response)
        {
            if (response.IsError)
            {
                var status = response.HttpStatusCode == 0 ? (int?)null : (int)response.HttpStatusCode;
                var failure = TokenFailures.FromErrorResponse(response, (error, code, what, inner) => Fail(scope, endpoint, error, code, what, inner));
                var transient = failure.Error is "timeout" or "network_error" || (failure.Error == "http_error" && status is 429 or 502 or 503 or 504);
                return (null, failure, transient);
            }
            if (string.IsNullOrEmpty(response.AccessToken))
                return (null, Fail(scope, endpoint, "invalid_response", (int)response.HttpStatusCode, "the response has no access_token", null), false);

            var lifetime = TimeSpan.FromSeconds(Math.Max(0, response.ExpiresIn));
            Log.TokenIssued(_logger, scope, endpoint.AbsoluteUri, lifetime.TotalSeconds, null);

            // No expires_in (IdentityModel reads it as 0): keep the token until the API rejects it (a 401 refreshes it),
            // rather than treating it as already expired, which would request a token for every call.
            if (lifetime <= TimeSpan.Zero) return (new AccessToken(response.AccessToken!, DateTimeOffset.MaxValue), null, false);

            // A lifetime shorter than the margin would make every call fetch a token: use half of it instead.
            var usable = lifetime - _settings.RefreshMargin;
            if (usable <= TimeSpan.Zero) usable = TimeSpan.FromTicks(lifetime.Ticks / 2);
            return (new AccessToken(response.AccessToken!, _settings.Time.GetUtcNow() + usable), null, false);
        }
    }

    /// <summary>A source cancelled after the token timeout on the options' clock; null when the timeout is infinite.</summary>
    private CancellationTokenSource? StartTimeout()
    {
        var timeout = _settings.TokenTimeout;
        if (timeout == Timeout.InfiniteTimeSpan) return null;
#if NET8_0_OR_GREATER
        return new CancellationTokenSource(timeout, _settings.Time);
#else
        return _settings.Time.CreateCancellationTokenSource(timeout);
#endif
    }

    /// <summary>The base delay doubled for each try already made, capped.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ticks = _settings.TokenBaseDelay.Ticks * Math.Pow(2, Math.Min(attempt, 30));
        return ticks >= _settings.TokenMaxDelay.Ticks ? _settings.TokenMaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    private Task Delay(TimeSpan delay) =>
#if NET8_0_OR_GREATER
        Task.Delay(delay, _settings.Time);
#else
        _settings.Time.Delay(delay);
#endif

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
}
