using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Checkout.Generated.Internal;

/// <summary>Access tokens per requested scope: cached until expiry minus the margin, one token request at a time per scope.</summary>
/// <remarks>Thread-safe. Concurrent callers for one scope share a single token request; a caller's cancellation stops its own wait only.
/// With an <see cref="ITokenStore"/> (the app's HybridCache), a token is looked up there before it is requested and stored there once issued.</remarks>
internal sealed class TokenCache
{
    private static readonly Func<string, Slot> NewSlot = _ => new Slot();
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly CheckoutSettings _settings;
    private readonly TokenBackChannel _backChannel;
    private readonly ITokenStore? _store;

    /// <param name="settings">Validated settings with an access key.</param>
    /// <param name="httpClient">The back channel's client for token requests: the registration's primary handler, none of the API handlers.</param>
    /// <param name="logger">Logger for token events.</param>
    /// <param name="store">Where tokens are shared with other instances; null: this process only.</param>
    public TokenCache(CheckoutSettings settings, Func<HttpClient> httpClient, ILogger logger, ITokenStore? store = null)
    {
        _settings = settings;
        _backChannel = new TokenBackChannel(settings, httpClient, logger);
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
            var token = await _backChannel.RequestAsync(scope).ConfigureAwait(false);
            CheckoutTelemetry.TokenRequested(activity, "issued");
            return token;
        }
        catch (CheckoutTokenException e)
        {
            CheckoutTelemetry.TokenRequested(activity, e.Error);
            throw;
        }
    }

    private sealed class Slot
    {
        public AccessToken? Current;
        public Task<AccessToken>? Pending;
    }
}
