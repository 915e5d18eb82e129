using NUnit.Framework;

namespace Checkout.Generated.Tests.Releases;

/// <summary>
/// The platform of the spec release the tests were built from, read from the generated catalog: its key format and
/// whether it has OAuth and account hosts. Tests that need what a platform lacks skip on it, saying why.
/// </summary>
internal static class TestPlatform
{
    /// <summary>Whether the release is the current platform's (account hosts, OAuth, Bearer keys).</summary>
    public static bool IsCurrent => CheckoutOperationCatalog.Spec.AccountSpecificHosts;

    /// <summary><c>_sbox_</c> on the current platform, <c>_test_</c> on the previous one (ABC).</summary>
    public static string SandboxMarker => IsCurrent ? "_sbox_" : "_test_";

    /// <summary>The account prefix to configure: the given one on the current platform, none on the previous one.</summary>
    public static string? Prefix(string prefix) => IsCurrent ? prefix : null;

    /// <summary>Whether any operation accepts an OAuth access token.</summary>
    public static bool HasOAuth => System.Linq.Enumerable.Any(CheckoutOperationCatalog.All, o => (o.Credentials & CheckoutCredentialKinds.OAuth) != 0);

    /// <summary>Skips the test on a release without OAuth (the previous platform, ABC).</summary>
    public static void RequireOAuth()
    {
        if (!HasOAuth) Assert.Ignore("This spec release declares no OAuth scheme (the previous platform, ABC, takes secret keys only): the OAuth behaviour under test does not exist here.");
    }

    /// <summary>Skips the test on a release whose hosts have no account prefix (the previous platform, ABC).</summary>
    public static void RequireAccountHosts()
    {
        if (!IsCurrent) Assert.Ignore("This spec release's hosts have no account prefix (the previous platform, ABC): the prefix behaviour under test does not exist here.");
    }

    /// <summary>The Authorization header for a secret key, in the spec's format.</summary>
    public static System.Net.Http.Headers.AuthenticationHeaderValue SecretKeyHeader(string key) =>
        (CheckoutOperationCatalog.Spec.BearerKeys & CheckoutCredentialKinds.SecretKey) != 0 ? new("Bearer", key) : new(key);

    /// <summary>The Authorization header value the spec prescribes for an API key of this kind.</summary>
    public static string KeyHeader(string key, CheckoutCredentialKinds kind) =>
        (CheckoutOperationCatalog.Spec.BearerKeys & kind) != 0 ? "Bearer " + key : key;
}
