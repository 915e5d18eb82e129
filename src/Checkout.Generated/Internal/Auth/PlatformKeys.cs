using System;
using System.Linq;

namespace Checkout.Generated.Internal;

/// <summary>
/// Which Checkout.com platform the client was generated for, as its spec says (<see cref="CheckoutSpecInfo"/>), and
/// how that platform's API keys look: the current platform's sandbox keys are <c>sk_sbox_</c>/<c>pk_sbox_</c>, the
/// previous platform's (ABC) <c>sk_test_</c>/<c>pk_test_</c>.
/// </summary>
internal static class PlatformKeys
{
    private const string CurrentSandbox = "_sbox_";
    private const string PreviousSandbox = "_test_";

    /// <summary>The platform's name, for messages.</summary>
    public static string Platform => IsCurrent ? "current platform" : "previous platform (ABC)";

    /// <summary>The marker after <c>sk</c>/<c>pk</c> in this platform's sandbox keys.</summary>
    public static string SandboxMarker => IsCurrent ? CurrentSandbox : PreviousSandbox;

    /// <summary>Whether any operation of the catalog accepts an OAuth access token.</summary>
    public static bool HasOAuth { get; } = CheckoutOperationCatalog.All.Any(o => (o.Credentials & CheckoutCredentialKinds.OAuth) != 0);

    /// <summary>Whether the key is the other platform's sandbox key (<c>sk_test_</c> given to a current-platform client).</summary>
    public static bool IsOtherPlatformsSandboxKey(string key) =>
        key.Length > 2 && key.Substring(2).StartsWith(IsCurrent ? PreviousSandbox : CurrentSandbox, StringComparison.Ordinal);

    private static bool IsCurrent => CheckoutOperationCatalog.Spec.AccountSpecificHosts;
}
