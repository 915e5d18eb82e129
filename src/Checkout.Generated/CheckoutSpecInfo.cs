namespace Checkout.Generated;

/// <summary>The OpenAPI document this client was generated from.</summary>
public sealed class CheckoutSpecInfo
{
    /// <summary>Creates the description; the generated catalog is the only caller.</summary>
    public CheckoutSpecInfo(string title, string version, string sha256, string date)
    {
        Title = title;
        Version = version;
        Sha256 = sha256;
        Date = date;
    }

    /// <summary>The document's <c>info.title</c>.</summary>
    public string Title { get; }

    /// <summary>The document's <c>info.version</c> (<c>unversioned</c> when the document has none).</summary>
    public string Version { get; }

    /// <summary>The SHA-256 of the document as downloaded, in lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>The spec's release date from the lock file (<c>yyyy-MM-dd</c>), or empty when unknown.</summary>
    public string Date { get; }
}
