using System;

namespace Checkout.Generated.Internal;

/// <summary>Composes Checkout.com base URLs from the environment, the account prefix and a host kind.</summary>
internal static class CheckoutHosts
{
    /// <summary>The host kind of the main API, whose base is the HTTP client's base address.</summary>
    public const string Api = "api";

    /// <summary>The host kind of the token endpoint.</summary>
    public const string Access = "access";

    /// <summary>
    /// Whether the host kind is account-specific (<c>{prefix}.{kind}…</c>): the <c>api</c> and <c>access</c> hosts of
    /// a platform whose spec says its hosts are per account (<see cref="CheckoutSpecInfo.AccountSpecificHosts"/>).
    /// </summary>
    public static bool IsAccountSpecific(string hostKind) =>
        CheckoutOperationCatalog.Spec.AccountSpecificHosts
        && (string.Equals(hostKind, Api, StringComparison.OrdinalIgnoreCase) || string.Equals(hostKind, Access, StringComparison.OrdinalIgnoreCase));

    /// <summary>The default base URL (with a trailing slash) of a host kind; null when it needs a prefix and there is none.</summary>
    public static Uri? Compose(string hostKind, CheckoutEnvironment environment, string? prefix)
    {
        var kind = hostKind.ToLowerInvariant();
        var domain = environment == CheckoutEnvironment.Production ? "checkout.com" : "sandbox.checkout.com";
        if (!IsAccountSpecific(kind)) return new Uri($"https://{kind}.{domain}/");
        return string.IsNullOrEmpty(prefix) ? null : new Uri($"https://{prefix}.{kind}.{domain}/");
    }

    /// <summary>The token URL under an <c>access</c> base URL.</summary>
    public static Uri TokenUnder(Uri accessBase) => new(accessBase, "connect/token");

    /// <summary>The URL with a trailing slash on its path, so relative paths resolve under it rather than beside it.</summary>
    public static Uri WithTrailingSlash(Uri uri)
    {
        if (uri.AbsolutePath.EndsWith("/", StringComparison.Ordinal)) return uri;
        var builder = new UriBuilder(uri);
        builder.Path += "/";
        return builder.Uri;
    }
}
