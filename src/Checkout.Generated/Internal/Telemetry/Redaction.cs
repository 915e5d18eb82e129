namespace Checkout.Generated.Internal;

/// <summary>Renders secrets for diagnostics without revealing them.</summary>
internal static class Redaction
{
    private const string Hidden = "***";

    /// <summary>"(not set)" or "***".</summary>
    public static string Secret(string? value) => string.IsNullOrEmpty(value) ? "(not set)" : Hidden;

    /// <summary>Keeps only a key's kind prefix (<c>sk_sbox_</c>, <c>pk_</c>), which says which slot and environment it is for.</summary>
    public static string Key(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "(not set)";
        foreach (var prefix in KeyPrefixes)
        {
            if (value!.StartsWith(prefix, System.StringComparison.Ordinal)) return prefix + Hidden;
        }

        return Hidden;
    }

    /// <summary>Keeps the first <paramref name="length"/> characters of an identifier.</summary>
    public static string KeepPrefix(string? value, int length) =>
        string.IsNullOrEmpty(value) ? "(not set)" : value!.Length <= length ? value : value.Substring(0, length) + "…";

    /// <summary>The URL with any user info (a credential) replaced by <c>***</c>.</summary>
    public static string Url(System.Uri? uri)
    {
        if (uri is null) return "";
        if (!uri.IsAbsoluteUri || uri.UserInfo.Length == 0) return uri.ToString();
        return new System.UriBuilder(uri) { UserName = Hidden, Password = "" }.Uri.ToString();
    }

    private static readonly string[] KeyPrefixes = { "sk_sbox_", "pk_sbox_", "sk_", "pk_" };
}
