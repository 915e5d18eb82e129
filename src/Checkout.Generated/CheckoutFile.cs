using System;
using System.IO;

namespace Checkout.Generated;

/// <summary>A file: its content, name and media type; what an upload sends and what a download returns.</summary>
/// <remarks>A downloaded file holds the open response: read <see cref="Content"/>, then dispose the file.</remarks>
public sealed class CheckoutFile : IDisposable
{
    private readonly IDisposable? _owner;

    /// <summary>A file to upload from a stream (it is read, never disposed, by the upload).</summary>
    public CheckoutFile(Stream content, string fileName, string mediaType)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        if (string.IsNullOrWhiteSpace(fileName)) throw new ArgumentException("Give the file a name, e.g. \"receipt.png\": Checkout.com reads its extension.", nameof(fileName));
        if (string.IsNullOrWhiteSpace(mediaType)) throw new ArgumentException("Give the file's media type, e.g. \"image/png\" or \"application/pdf\".", nameof(mediaType));
        FileName = fileName;
        MediaType = mediaType;
    }

    internal CheckoutFile(Stream content, string fileName, string mediaType, CheckoutResponse response, IDisposable owner)
    {
        Content = content;
        FileName = fileName;
        MediaType = mediaType;
        CheckoutResponse = response;
        _owner = owner;
    }

    /// <summary>The bytes: for a download, the response stream, which you own until you dispose the file.</summary>
    public Stream Content { get; }

    /// <summary>The file name (for a download, from <c>Content-Disposition</c> or the URL).</summary>
    public string FileName { get; }

    /// <summary>The media type, e.g. <c>text/csv</c>.</summary>
    public string MediaType { get; }

    /// <summary>For a download, the response metadata; null for a file you created.</summary>
    public CheckoutResponse? CheckoutResponse { get; }

    /// <summary>Disposes a downloaded file's stream and response; a file you created leaves your stream open.</summary>
    public void Dispose()
    {
        if (_owner is null) return;
        Content.Dispose();
        _owner.Dispose();
    }
}
