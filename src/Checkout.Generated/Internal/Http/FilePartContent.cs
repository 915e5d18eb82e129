using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace Checkout.Generated.Internal;

/// <summary>
/// A file sent as it is read from the caller's stream, never copied here and never disposed (the caller owns it). The
/// Checkout handler buffers the whole request once when it may be resent (a retry, a 401 refresh); otherwise the
/// bytes go from the caller's stream to the socket.
/// </summary>
internal sealed class FilePartContent : HttpContent
{
    private readonly Stream _content;
    private readonly long? _length;

    public FilePartContent(CheckoutFile file)
    {
        _content = file.Content;
        _length = _content.CanSeek ? _content.Length - _content.Position : null;
        Headers.ContentType = MediaTypeHeaderValue.Parse(file.MediaType);
    }

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _content.CopyToAsync(stream, 81920);

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        length = _length ?? 0;
        return _length is not null;
    }
}
