namespace Checkout.Generated;

/// <summary>The OpenAPI document this client was generated from, and the platform facts read from it.</summary>
public sealed class CheckoutSpecInfo
{
    /// <summary>Creates the description; the generated catalog is the only caller.</summary>
    public CheckoutSpecInfo(string title, string version, string sha256, string date, bool accountSpecificHosts, CheckoutCredentialKinds bearerKeys)
    {
        Title = title;
        Version = version;
        Sha256 = sha256;
        Date = date;
        AccountSpecificHosts = accountSpecificHosts;
        BearerKeys = bearerKeys;
    }

    /// <summary>The document's <c>info.title</c>.</summary>
    public string Title { get; }

    /// <summary>The document's <c>info.version</c> (<c>unversioned</c> when the document has none).</summary>
    public string Version { get; }

    /// <summary>The SHA-256 of the document as downloaded, in lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>The spec's release date from the lock file (<c>yyyy-MM-dd</c>), or empty when unknown.</summary>
    public string Date { get; }

    /// <summary>
    /// Whether the <c>api</c> and <c>access</c> hosts are the account's own (<c>{prefix}.api.checkout.com</c>): true
    /// for the current platform; false for the previous one (ABC), whose hosts are shared (<c>api.checkout.com</c>).
    /// </summary>
    public bool AccountSpecificHosts { get; }

    /// <summary>
    /// The API keys sent as <c>Authorization: Bearer {key}</c> (the current platform's); the others are sent as they
    /// are (the previous platform's <c>Authorization: sk_test_…</c>).
    /// </summary>
    public CheckoutCredentialKinds BearerKeys { get; }
}
