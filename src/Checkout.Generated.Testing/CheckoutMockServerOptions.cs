using System;
using System.Collections.Generic;
using System.Linq;

namespace Checkout.Generated.Testing;

/// <summary>Settings of the local Checkout server: the credentials it accepts and how long it lives.</summary>
public sealed class CheckoutMockServerOptions
{
    /// <summary>The access key id of the default client.</summary>
    public const string DefaultClientId = "ack_localmockclient0000000000000";

    /// <summary>The access key secret of the default client (a local, public test value).</summary>
    public const string DefaultClientSecret = "local-mock-secret";

    /// <summary>The OAuth clients accepted; by default one client granted every scope the spec declares.</summary>
    public IList<CheckoutMockClient> Clients { get; set; } = new List<CheckoutMockClient>
    {
        new() { ClientId = DefaultClientId, ClientSecret = DefaultClientSecret, GrantedScopes = CheckoutOperationCatalog.KnownScopes.Concat(CheckoutOperationCatalog.All.SelectMany(o => o.Scopes)).Distinct().ToList() },
    };

    /// <summary>Secret API keys accepted for operations that allow a secret key (by default <c>sk_sbox_localmock</c>; <c>sk_test_localmock</c> on the previous platform).</summary>
    public IList<string> SecretKeys { get; set; } = new List<string> { SandboxKey("sk") };

    /// <summary>Public API keys accepted for operations that allow a public key (by default <c>pk_sbox_localmock</c>; <c>pk_test_localmock</c> on the previous platform).</summary>
    public IList<string> PublicKeys { get; set; } = new List<string> { SandboxKey("pk") };

    /// <summary>The account prefix <see cref="CheckoutMockServer.Configure"/> sets when the options have none.</summary>
    public string AccountPrefix { get; set; } = "localmck";

    /// <summary>The <c>expires_in</c> of issued tokens.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The server stops by itself after this long (null: only when disposed).</summary>
    public TimeSpan? Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The seed of the random choice of probabilistic faults (null: a different choice each run).</summary>
    public int? FaultSeed { get; set; }

    /// <summary>Webhooks for the payment lifecycle actions: set <see cref="CheckoutMockWebhookOptions.Url"/> to send them.</summary>
    public CheckoutMockWebhookOptions Webhooks { get; set; } = new();

    /// <summary>How long a payout stays <c>Pending</c> before it is paid (or declined), and submitted dispute evidence is under review before the dispute is won (default 1 s; on <see cref="TimeProvider"/>).</summary>
    public TimeSpan SettlementDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock for token expiry, fault delays, webhook retries and settlements.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    // The sandbox key format of the platform the spec is for: sk_sbox_ (current), sk_test_ (previous, ABC).
    private static string SandboxKey(string kind) => kind + (CheckoutOperationCatalog.Spec.AccountSpecificHosts ? "_sbox_" : "_test_") + "localmock";
}
