using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;

namespace Checkout.Generated.Internal;

/// <summary>
/// Tokens in the app's <see cref="HybridCache"/> (its local L1 and, when data protection is registered, its shared L2 such as
/// Redis), keyed by account and scope, each value encrypted with ASP.NET Core Data Protection.
/// </summary>
/// <remarks>
/// Without data protection a bearer token would land in the shared store in clear, so then every entry skips the L2
/// (<see cref="HybridCacheEntryFlags.DisableDistributedCache"/>) and tokens are not shared: a warning says so once.
/// </remarks>
internal sealed class HybridTokenStore : ITokenStore
{
    /// <summary>The data protection purpose of stored tokens.</summary>
    public const string Purpose = "Checkout.Generated.AccessToken.v1";

    private readonly HybridCache _cache;
    private readonly IDataProtector? _protector;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _prefix;
    private readonly HybridCacheEntryFlags _scope;

    public HybridTokenStore(HybridCache cache, IDataProtector? protector, CheckoutSettings settings, ILogger logger)
    {
        _cache = cache;
        _protector = protector;
        _time = settings.Time;
        _logger = logger;
        _prefix = KeyPrefix(settings);
        _scope = protector is null ? HybridCacheEntryFlags.DisableDistributedCache : HybridCacheEntryFlags.None;
        if (protector is null) Log.TokensNotShared(logger, null);
    }

    /// <summary>
    /// <c>checkout:token:{name}:{account}:</c>: the registration's name, then a hash of the token endpoint and access key id, so
    /// that accounts, environments and rotated keys never share a token, and no identifier is readable in the store.
    /// </summary>
    public static string KeyPrefix(CheckoutSettings settings)
    {
        using var sha = SHA256.Create();
        var account = sha.ComputeHash(Encoding.UTF8.GetBytes($"{settings.TokenEndpoint?.AbsoluteUri}|{settings.AccessKeyId}"));
        var hex = BitConverter.ToString(account, 0, 12).Replace("-", "").ToLowerInvariant();
        return $"checkout:token:{settings.Name ?? "default"}:{hex}:";
    }

    public async ValueTask<AccessToken?> GetAsync(string scope)
    {
        try
        {
            var stored = await _cache.GetOrCreateAsync(_prefix + scope, static _ => new ValueTask<string?>((string?)null),
                new HybridCacheEntryOptions { Flags = _scope | HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableLocalCacheWrite },
                cancellationToken: CancellationToken.None).ConfigureAwait(false);
            return Read(stored);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.TokenStoreFailed(_logger, "read", ex);
            return null;
        }
    }

    public async ValueTask SetAsync(string scope, AccessToken token)
    {
        var lifetime = token.RefreshAt == DateTimeOffset.MaxValue ? TimeSpan.FromHours(1) : token.RefreshAt - _time.GetUtcNow();
        if (lifetime <= TimeSpan.Zero) return;
        try
        {
            var options = new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime, Flags = _scope };
            await _cache.SetAsync(_prefix + scope, Write(token), options, cancellationToken: CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.TokenStoreFailed(_logger, "write", ex);
        }
    }

    public async ValueTask<AccessToken?> RejectAsync(string scope, AccessToken rejected)
    {
        try
        {
            // The shared copy, not this process's L1 (which still holds the rejected token).
            var shared = _protector is null ? null : Read(await _cache.GetOrCreateAsync(_prefix + scope, static _ => new ValueTask<string?>((string?)null),
                new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableLocalCache | HybridCacheEntryFlags.DisableUnderlyingData },
                cancellationToken: CancellationToken.None).ConfigureAwait(false));
            if (shared is not null && shared.Header.Parameter != rejected.Header.Parameter && _time.GetUtcNow() < shared.RefreshAt)
            {
                await SetAsync(scope, shared).ConfigureAwait(false);
                return shared;
            }

            await _cache.RemoveAsync(_prefix + scope, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.TokenStoreFailed(_logger, "remove", ex);
        }

        return null;
    }

    // "{refresh at, unix ms}|{token}", encrypted: the token never lands in the store in clear.
    private string Write(AccessToken token)
    {
        var text = token.RefreshAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "|" + token.Header.Parameter;
        return _protector is null ? text : _protector.Protect(text);
    }

    private AccessToken? Read(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return null;
        string text;
        try
        {
            text = _protector is null ? stored! : _protector.Unprotect(stored!);
        }
        catch (CryptographicException ex)
        {
            // Another key ring (data protection keys not shared between the instances): not usable here.
            Log.TokenStoreFailed(_logger, "unprotect", ex);
            return null;
        }

        var bar = text.IndexOf('|');
        if (bar <= 0 || !long.TryParse(text.Substring(0, bar), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)) return null;
        var refreshAt = ms >= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() ? DateTimeOffset.MaxValue : DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return new AccessToken(text.Substring(bar + 1), refreshAt);
    }
}
