using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Checkout.Generated.Internal;

/// <summary>
/// Reads a response stream once while keeping the first bytes read, so a body that cannot be deserialised can still be
/// shown in the exception without a second read or a string copy of every successful body.
/// </summary>
internal sealed class RecordingStream : Stream
{
    /// <summary>How much of an unreadable body the exception keeps.</summary>
    public const int Limit = 64 * 1024;

    private readonly Stream _inner;
    private readonly MemoryStream _recorded = new();

    public RecordingStream(Stream inner) => _inner = inner;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = _inner.Read(buffer, offset, count);
        Record(buffer, offset, read);
        return read;
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        var read = await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        Record(buffer, offset, read);
        return read;
    }

    /// <summary>The body as text: what was read so far plus the rest of the stream, up to <see cref="Limit"/> bytes.</summary>
    public async Task<string> ReadAllTextAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        try
        {
            while (_recorded.Length < Limit && await ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (IOException)
        {
            // A body cut off mid-stream: keep what arrived.
        }
        return Encoding.UTF8.GetString(_recorded.GetBuffer(), 0, (int)_recorded.Length);
    }

    /// <summary>A seekable (buffered) body as text from its start, up to <see cref="Limit"/> bytes: what an unreadable body's exception shows.</summary>
    public static string ReadFromStart(Stream body)
    {
        body.Position = 0;
        var buffer = new byte[(int)Math.Min(body.Length, Limit)];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = body.Read(buffer, total, buffer.Length - total)) > 0) total += read;
        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    private void Record(byte[] buffer, int offset, int read)
    {
        var room = Limit - (int)_recorded.Length;
        if (read > 0 && room > 0) _recorded.Write(buffer, offset, Math.Min(read, room));
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
