using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Checkout.Generated.Internal;

/// <summary>Checks <see cref="CheckoutOptions"/> at start-up; every failure says what to fix and none echoes a secret.</summary>
internal sealed class CheckoutOptionsValidator : IValidateOptions<CheckoutOptions>
{
    private const string ClientIdPrefix = "cli_";
    private const int PrefixLength = 8;
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);
    private readonly ILogger _logger;
    private int _warned;

    public CheckoutOptionsValidator(ILoggerFactory? loggerFactory)
    {
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(LogCategories.Options);
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CheckoutOptions options)
    {
        var failures = Check(options);
        if (failures.Count > 0) return ValidateOptionsResult.Fail(failures);
        if (Interlocked.Exchange(ref _warned, 1) == 0) WarnAboutUnknownScopes(options);
        return ValidateOptionsResult.Success;
    }

    /// <summary>The account prefix: <see cref="CheckoutOptions.AccountPrefix"/>, else derived from the client id.</summary>
    public static string? ResolvePrefix(CheckoutOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.AccountPrefix)) return options.AccountPrefix!.Trim();
        var clientId = options.ClientId?.Trim();
        return clientId is not null && clientId.StartsWith(ClientIdPrefix, StringComparison.Ordinal) && clientId.Length >= ClientIdPrefix.Length + PrefixLength
            ? clientId.Substring(ClientIdPrefix.Length, PrefixLength)
            : null;
    }

    /// <summary>Every problem with the options, empty when they are usable.</summary>
    public static IReadOnlyList<string> Check(CheckoutOptions options)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        var failures = new List<string>();
        var sandbox = options.Environment == CheckoutEnvironment.Sandbox;
        if (!Enum.IsDefined(typeof(CheckoutEnvironment), options.Environment))
            failures.Add($"Checkout:Environment must be Sandbox or Production (was {(int)options.Environment}).");

        CheckCredentials(options, sandbox, failures);
        CheckPrefixAndUrls(options, failures);
        CheckScopes(options, failures);
        CheckResilience(options.Resilience, failures);
        if (options.TokenRefreshMargin < TimeSpan.Zero)
            failures.Add($"Checkout:TokenRefreshMargin must not be negative (was {options.TokenRefreshMargin}).");
        if (options.TokenRequestTimeout <= TimeSpan.Zero && options.TokenRequestTimeout != System.Threading.Timeout.InfiniteTimeSpan)
            failures.Add($"Checkout:TokenRequestTimeout must be positive (was {options.TokenRequestTimeout}).");
        return failures;
    }

    private static void CheckCredentials(CheckoutOptions options, bool sandbox, List<string> failures)
    {
        var hasId = !string.IsNullOrWhiteSpace(options.AccessKeyId);
        var hasSecret = !string.IsNullOrWhiteSpace(options.AccessKeySecret);
        if (hasId != hasSecret)
            failures.Add(hasId ? "Checkout:AccessKeySecret is missing: an access key needs both its id and its secret." : "Checkout:AccessKeyId (ack_…) is missing: an access key needs both its id and its secret.");
        if ((hasId || hasSecret) && !PlatformKeys.HasOAuth)
            failures.Add($"Checkout:AccessKeyId and AccessKeySecret are OAuth access keys, which this client's spec ({PlatformKeys.Platform}) does not accept: use Checkout:SecretKey.");
        if (hasId && !options.AccessKeyId!.StartsWith("ack_", StringComparison.Ordinal))
            failures.Add("Checkout:AccessKeyId must be an access key id starting with 'ack_' (from Dashboard > Developers > Access keys).");

        var secretKey = options.SecretKey;
        if (!string.IsNullOrWhiteSpace(secretKey))
        {
            if (secretKey!.StartsWith("pk_", StringComparison.Ordinal))
                failures.Add("Checkout:SecretKey holds a public key (pk_…): put it in Checkout:PublicKey and the secret key (sk_…) in Checkout:SecretKey.");
            else if (!secretKey.StartsWith("sk_", StringComparison.Ordinal))
                failures.Add($"Checkout:SecretKey must be a secret API key starting with 'sk{PlatformKeys.SandboxMarker}' (sandbox) or 'sk_' (production).");
            else CheckKey("SecretKey", secretKey, sandbox, failures);
        }

        var publicKey = options.PublicKey;
        if (!string.IsNullOrWhiteSpace(publicKey))
        {
            if (publicKey!.StartsWith("sk_", StringComparison.Ordinal))
                failures.Add("Checkout:PublicKey holds a secret key (sk_…): a secret key must never be used as a public key; put it in Checkout:SecretKey.");
            else if (!publicKey.StartsWith("pk_", StringComparison.Ordinal))
                failures.Add($"Checkout:PublicKey must be a public API key starting with 'pk{PlatformKeys.SandboxMarker}' (sandbox) or 'pk_' (production).");
            else CheckKey("PublicKey", publicKey, sandbox, failures);
        }

        if (!hasId && !hasSecret && string.IsNullOrWhiteSpace(secretKey) && string.IsNullOrWhiteSpace(publicKey))
            failures.Add("No Checkout.com credentials: set Checkout:AccessKeyId and Checkout:AccessKeySecret (OAuth), or Checkout:SecretKey, or Checkout:PublicKey.");
    }

    private static void CheckKey(string slot, string key, bool sandbox, List<string> failures)
    {
        if (PlatformKeys.IsOtherPlatformsSandboxKey(key))
            failures.Add($"Checkout:{slot} is a sandbox key of the other platform ('{key.Substring(0, key.IndexOf('_', 3) + 1)}…'), but this client was generated from the {PlatformKeys.Platform} spec, whose sandbox keys start '{key.Substring(0, 2)}{PlatformKeys.SandboxMarker}': use such a key, or build the client from the other platform's spec.");
        else CheckEnvironment(slot, key.Substring(2).StartsWith(PlatformKeys.SandboxMarker, StringComparison.Ordinal), sandbox, failures);
    }

    private static void CheckEnvironment(string slot, bool sandboxKey, bool sandbox, List<string> failures)
    {
        if (sandboxKey && !sandbox)
            failures.Add($"Checkout:{slot} is a sandbox key but Checkout:Environment is Production: use a production key or set Environment to Sandbox.");
        else if (!sandboxKey && sandbox)
            failures.Add($"Checkout:{slot} is a production key but Checkout:Environment is Sandbox: use a sandbox key (…{PlatformKeys.SandboxMarker}…) or set Environment to Production.");
    }

    private static void CheckPrefixAndUrls(CheckoutOptions options, List<string> failures)
    {
        var explicitPrefix = options.AccountPrefix?.Trim();
        if (!string.IsNullOrEmpty(explicitPrefix) && !IsValidPrefix(explicitPrefix!))
            failures.Add($"Checkout:AccountPrefix '{explicitPrefix}' must be exactly 8 lowercase letters and digits, the first 8 characters of the client id after 'cli_' (e.g. 'vkuhvk4v'), or 'pl-' and those 8 for a private link.");

        var clientId = options.ClientId?.Trim();
        if (!string.IsNullOrEmpty(clientId))
        {
            if (!clientId!.StartsWith(ClientIdPrefix, StringComparison.Ordinal) || clientId.Length < ClientIdPrefix.Length + PrefixLength
                || !IsValidPrefix(clientId.Substring(ClientIdPrefix.Length, PrefixLength)))
                failures.Add("Checkout:ClientId must be the account's client id, 'cli_' followed by at least 8 lowercase letters and digits.");
            else if (!string.IsNullOrEmpty(explicitPrefix) && !explicitPrefix!.EndsWith(clientId.Substring(ClientIdPrefix.Length, PrefixLength), StringComparison.Ordinal))
                failures.Add("Checkout:AccountPrefix does not match Checkout:ClientId (the prefix is the 8 characters after 'cli_'): set one of them.");
        }

        var kinds = HostKinds().ToList();
        var overridden = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in options.BaseAddresses ?? new Dictionary<string, Uri>())
        {
            overridden.Add(pair.Key);
            if (!kinds.Contains(pair.Key, StringComparer.OrdinalIgnoreCase))
                failures.Add($"Checkout:BaseAddresses:{pair.Key} is not a host kind of this client's operations; use one of: {string.Join(", ", kinds)}.");
            else if (!IsPlainHttpUrl(pair.Value, allowQuery: false))
                failures.Add($"Checkout:BaseAddresses:{pair.Key} must be an absolute http(s) URL without user info, query or fragment.");
            else if (!IsEncryptedOrLocal(pair.Value))
                failures.Add($"Checkout:BaseAddresses:{pair.Key} uses http:// to {pair.Value.Host}: credentials would travel in clear text; use https:// (http:// is accepted only for a loopback host such as 127.0.0.1).");
        }

        if (options.TokenEndpoint is { } token && !IsPlainHttpUrl(token, allowQuery: true))
            failures.Add("Checkout:TokenEndpoint must be an absolute http(s) URL without user info or fragment.");
        else if (options.TokenEndpoint is { } clear && !IsEncryptedOrLocal(clear))
            failures.Add($"Checkout:TokenEndpoint uses http:// to {clear.Host}: the access key secret would travel in clear text; use https:// (http:// is accepted only for a loopback host such as 127.0.0.1).");

        if (ResolvePrefix(options) is not null) return;
        var missing = kinds.Where(kind => CheckoutHosts.IsAccountSpecific(kind) && !overridden.Contains(kind)).ToList();
        if (missing.Count > 0)
            failures.Add($"Checkout:AccountPrefix is missing: set it (e.g. 'vkuhvk4v', from Dashboard > Developers > Overview), or Checkout:ClientId (cli_…), " +
                $"or override every account-specific base URL ({string.Join(", ", missing.Select(k => "BaseAddresses:" + k))}).");
    }

    private static void CheckScopes(CheckoutOptions options, List<string> failures)
    {
        foreach (var scope in options.GrantedScopes ?? Array.Empty<string>())
        {
            if (scope is not null && scope.Trim().Any(char.IsWhiteSpace))
                failures.Add($"Checkout:GrantedScopes entry '{scope}' contains a space: list each scope as its own entry; a scope with a space cannot be requested.");
        }
    }

    private static void CheckResilience(CheckoutResilienceOptions? resilience, List<string> failures)
    {
        if (resilience is null)
        {
            failures.Add("Checkout:Resilience must not be null: set Resilience.Enabled = false to turn the built-in retries off.");
            return;
        }

        if (resilience.MaxRetryAttempts is < 0 or > 10)
            failures.Add($"Checkout:Resilience:MaxRetryAttempts must be between 0 and 10 (was {resilience.MaxRetryAttempts}).");
        if (resilience.BaseDelay < TimeSpan.Zero || resilience.MaxDelay < resilience.BaseDelay)
            failures.Add($"Checkout:Resilience:BaseDelay must not be negative nor longer than MaxDelay (were {resilience.BaseDelay} and {resilience.MaxDelay}).");
        if (resilience.AttemptTimeout < MinimumTimeout || resilience.TotalTimeout < resilience.AttemptTimeout || resilience.TotalTimeout > TimeSpan.FromDays(1))
            failures.Add($"Checkout:Resilience:AttemptTimeout must be at least 10 ms and no longer than TotalTimeout, itself at most a day (were {resilience.AttemptTimeout} and {resilience.TotalTimeout}).");
    }

    private void WarnAboutUnknownScopes(CheckoutOptions options)
    {
        foreach (var scope in options.GrantedScopes ?? Array.Empty<string>())
        {
            if (!string.IsNullOrWhiteSpace(scope) && !CheckoutOperationCatalog.KnownScopes.Contains(scope.Trim()))
                Log.UnknownGrantedScope(_logger, scope.Trim(), CheckoutOperationCatalog.Spec.Version, null);
        }
    }

    /// <summary>Every host kind the catalog uses, plus <c>api</c> and <c>access</c>.</summary>
    private static IEnumerable<string> HostKinds() =>
        CheckoutOperationCatalog.All.Select(o => o.Host).Concat(new[] { CheckoutHosts.Api, CheckoutHosts.Access }).Distinct(StringComparer.OrdinalIgnoreCase);

    // User info would be a credential in a URL that is logged and shown; a base's query or fragment is dropped when paths
    // resolve under it (a token endpoint may keep a query, RFC 6749 3.2).
    private static bool IsPlainHttpUrl(Uri? uri, bool allowQuery) =>
        uri is not null && uri.IsAbsoluteUri && (uri.Scheme == "https" || uri.Scheme == "http")
        && uri.UserInfo.Length == 0 && (allowQuery || uri.Query.Length == 0) && uri.Fragment.Length == 0;

    // Secrets and tokens travel in headers: plain http only where the traffic never leaves the machine (the local server).
    private static bool IsEncryptedOrLocal(Uri uri) => uri.Scheme == "https" || uri.IsLoopback;

    private static bool IsValidPrefix(string prefix)
    {
        var body = prefix.StartsWith("pl-", StringComparison.Ordinal) ? prefix.Substring(3) : prefix;
        return body.Length == PrefixLength && body.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9');
    }
}
