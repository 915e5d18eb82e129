using System;
using System.Collections.Generic;
using System.Net.Http.Headers;

namespace Checkout.Generated.Internal;

/// <summary>Validated options resolved once: base URLs, token URL, credentials and every operation's plan.</summary>
/// <remarks>Holds secrets; it has no ToString and is never logged.</remarks>
internal sealed class CheckoutSettings
{
    private readonly Dictionary<string, Uri> _bases = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<CheckoutOperation, OperationPlan> _plans = new();
    private readonly CheckoutEnvironment _environment;

    /// <summary>Resolves options that <see cref="CheckoutOptionsValidator"/> accepted.</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="name">The registration's name (<c>AddCheckoutClient("eu", …)</c>); null for the unnamed one.</param>
    public CheckoutSettings(CheckoutOptions options, TimeProvider time, string? name = null)
    {
        Name = name;
        UseHybridCache = options.UseHybridCache;
        _environment = options.Environment;
        Prefix = CheckoutOptionsValidator.ResolvePrefix(options);
        Time = time;
        RefreshMargin = options.TokenRefreshMargin;
        TokenTimeout = options.TokenRequestTimeout;
        var resilience = options.Resilience ?? new CheckoutResilienceOptions { Enabled = false };
        TokenRetries = resilience.Enabled ? Math.Max(0, resilience.MaxRetryAttempts) : 0;
        TokenBaseDelay = resilience.BaseDelay;
        TokenMaxDelay = resilience.MaxDelay;
        ResilienceEnabled = options.Resilience?.Enabled ?? false;
        Pipeline = CheckoutResiliencePipeline.Create(options.Resilience ?? new CheckoutResilienceOptions { Enabled = false }, time);
        AccessKeyId = options.AccessKeyId;
        AccessKeySecret = options.AccessKeySecret;
        HasOAuth = !string.IsNullOrEmpty(options.AccessKeyId) && !string.IsNullOrEmpty(options.AccessKeySecret);
        SecretKeyHeader = KeyHeader(options.SecretKey, CheckoutCredentialKinds.SecretKey);
        PublicKeyHeader = KeyHeader(options.PublicKey, CheckoutCredentialKinds.PublicKey);
        GrantedScopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in options.GrantedScopes ?? Array.Empty<string>())
        {
            if (!string.IsNullOrWhiteSpace(scope)) GrantedScopes.Add(scope.Trim());
        }

        foreach (var pair in options.BaseAddresses ?? new Dictionary<string, Uri>())
        {
            _bases[pair.Key] = CheckoutHosts.WithTrailingSlash(pair.Value);
        }

        // Compose every host kind the catalog uses now: lookups on the hot path only read.
        _bases[CheckoutHosts.Api] = BaseAddressFor(CheckoutHosts.Api);
        foreach (var operation in CheckoutOperationCatalog.All)
        {
            if (!_bases.ContainsKey(operation.Host)) _bases[operation.Host] = BaseAddressFor(operation.Host);
        }

        ClientBaseAddress = _bases[CheckoutHosts.Api];
        TokenEndpoint = options.TokenEndpoint ?? TokenUnderAccessHost(options);
        foreach (var operation in CheckoutOperationCatalog.All)
        {
            _plans[operation] = OperationPlan.Create(operation, this);
        }
    }

    /// <summary>The registration's name (the telemetry tag <c>checkout.client</c> and the token cache partition); null when unnamed.</summary>
    public string? Name { get; }

    /// <summary>Whether tokens go through the app's HybridCache when it has one.</summary>
    public bool UseHybridCache { get; }

    /// <summary>The account prefix, or null when every URL is overridden.</summary>
    public string? Prefix { get; }

    public TimeProvider Time { get; }

    public TimeSpan RefreshMargin { get; }

    /// <summary>The timeout of one token request (its own, not the API client's).</summary>
    public TimeSpan TokenTimeout { get; }

    /// <summary>How many times a token request is repeated after a transient failure (none when resilience is off).</summary>
    public int TokenRetries { get; }

    /// <summary>The first wait before a token request is repeated (doubled each time, capped by <see cref="TokenMaxDelay"/>).</summary>
    public TimeSpan TokenBaseDelay { get; }

    public TimeSpan TokenMaxDelay { get; }

    /// <summary>Whether the built-in retries and timeouts run (the HTTP client's own timeout is then off).</summary>
    public bool ResilienceEnabled { get; }

    /// <summary>The resilience policy every call runs under; null when disabled.</summary>
    public CheckoutResiliencePipeline? Pipeline { get; }

    /// <summary>The base address of the HTTP client: the <c>api</c> host.</summary>
    public Uri ClientBaseAddress { get; }

    /// <summary>The token URL; null only when no access key is configured and it cannot be composed.</summary>
    public Uri? TokenEndpoint { get; }

    public bool HasOAuth { get; }

    public string? AccessKeyId { get; }

    public string? AccessKeySecret { get; }

    public ISet<string> GrantedScopes { get; }

    public AuthenticationHeaderValue? SecretKeyHeader { get; }

    public AuthenticationHeaderValue? PublicKeyHeader { get; }

    /// <summary>The base URL of a host kind: the override, else the composed default.</summary>
    public Uri BaseAddressFor(string hostKind)
    {
        if (_bases.TryGetValue(hostKind, out var known)) return known;
        return CheckoutHosts.Compose(hostKind, _environment, Prefix)
            ?? throw new CheckoutConfigurationException(new[] { $"The '{hostKind}' host needs AccountPrefix (or ClientId), or an override in BaseAddresses:{hostKind}." });
    }

    private Uri? TokenUnderAccessHost(CheckoutOptions options) =>
        _bases.TryGetValue(CheckoutHosts.Access, out var access) || (access = CheckoutHosts.Compose(CheckoutHosts.Access, options.Environment, Prefix)) is not null
            ? CheckoutHosts.TokenUnder(access)
            : null;

    /// <summary>An API key's header as the spec says it is sent: <c>Bearer {key}</c>, or the key as it is.</summary>
    private static AuthenticationHeaderValue? KeyHeader(string? key, CheckoutCredentialKinds kind)
    {
        if (string.IsNullOrEmpty(key)) return null;
        return (CheckoutOperationCatalog.Spec.BearerKeys & kind) != 0 ? new AuthenticationHeaderValue("Bearer", key) : new AuthenticationHeaderValue(key!);
    }

    /// <summary>The plan of an operation (cached for catalog operations).</summary>
    public OperationPlan PlanFor(CheckoutOperation operation) =>
        _plans.TryGetValue(operation, out var plan) ? plan : OperationPlan.Create(operation, this);
}
