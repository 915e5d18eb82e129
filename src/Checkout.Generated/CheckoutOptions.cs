using System;
using System.Collections.Generic;
using System.Linq;
using Checkout.Generated.Internal;

namespace Checkout.Generated;

/// <summary>How the client reaches and authenticates to Checkout.com; bind it from the <c>Checkout</c> configuration section or set it in code.</summary>
/// <remarks>Holds secrets: <see cref="ToString"/> redacts them. Keep secrets in a secret store, not in <c>appsettings.json</c>.</remarks>
public sealed class CheckoutOptions
{
    /// <summary>The configuration section the options are usually bound from.</summary>
    public const string SectionName = "Checkout";

    /// <summary>Sandbox (default) or production.</summary>
    public CheckoutEnvironment Environment { get; set; } = CheckoutEnvironment.Sandbox;

    /// <summary>The account prefix of the account-specific URLs (e.g. <c>vkuhvk4v</c>, or <c>pl-vkuhvk4v</c> for a private link).</summary>
    public string? AccountPrefix { get; set; }

    /// <summary>The account's client id (<c>cli_…</c>); the prefix is its first 8 characters after <c>cli_</c> when <see cref="AccountPrefix"/> is not set.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth access key id (<c>ack_…</c>).</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The OAuth access key secret.</summary>
    public string? AccessKeySecret { get; set; }

    /// <summary>The scopes the access key was granted in the Dashboard; empty means "ask for each operation's narrowest scope".</summary>
    public IList<string> GrantedScopes { get; set; } = new List<string>();

    /// <summary>The secret API key (<c>sk_sbox_…</c> in sandbox, <c>sk_…</c> in production).</summary>
    public string? SecretKey { get; set; }

    /// <summary>The public API key (<c>pk_sbox_…</c>/<c>pk_…</c>), used only for operations that take it (e.g. card tokenization).</summary>
    public string? PublicKey { get; set; }

    /// <summary>Overrides the token URL (default <c>https://{prefix}.access[.sandbox].checkout.com/connect/token</c>).</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>Overrides base URLs by host kind (<c>api</c>, <c>access</c>, <c>files</c>, <c>transfers</c>, <c>balances</c>, …), e.g. for a private link or a local mock.</summary>
    public IDictionary<string, Uri> BaseAddresses { get; set; } = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long before its expiry a cached access token is replaced (default 60 seconds).</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one token request may take before it is given up as a timeout (default 10 seconds). Token requests go through
    /// their own HTTP client, not the API's: this bounds them whatever the API calls' timeouts; they are retried after a
    /// transient failure as often as <see cref="CheckoutResilienceOptions.MaxRetryAttempts"/> allows.
    /// </summary>
    public TimeSpan TokenRequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether access tokens are cached through the app's <c>HybridCache</c> when one is registered (default true), so that
    /// every instance sharing its distributed cache shares them; stored encrypted with Data Protection. See docs/fleet.md.
    /// </summary>
    public bool UseHybridCache { get; set; } = true;

    /// <summary>Retries and timeouts (on by default; see <see cref="CheckoutResilienceOptions"/>).</summary>
    public CheckoutResilienceOptions Resilience { get; set; } = new();

    /// <summary>The clock for token expiry and timings; null uses the registered <see cref="System.TimeProvider"/> or the system clock. Not bound from configuration.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Describes the options with every secret redacted.</summary>
    public override string ToString()
    {
        var overrides = BaseAddresses is null ? "" : string.Join(", ", BaseAddresses.Select(p => $"{p.Key}={Redaction.Url(p.Value)}"));
        var scopes = GrantedScopes is null ? "" : string.Join(" ", GrantedScopes);
        return $"CheckoutOptions {{ Environment = {Environment}, AccountPrefix = {AccountPrefix}, ClientId = {Redaction.KeepPrefix(ClientId, 12)}, " +
            $"AccessKeyId = {AccessKeyId}, AccessKeySecret = {Redaction.Secret(AccessKeySecret)}, GrantedScopes = [{scopes}], " +
            $"SecretKey = {Redaction.Key(SecretKey)}, PublicKey = {Redaction.Key(PublicKey)}, TokenEndpoint = {Redaction.Url(TokenEndpoint)}, " +
            $"BaseAddresses = [{overrides}], TokenRefreshMargin = {TokenRefreshMargin}, Resilience = {Resilience} }}";
    }
}
