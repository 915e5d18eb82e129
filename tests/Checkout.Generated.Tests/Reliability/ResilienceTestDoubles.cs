using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Reliability;

/// <summary>A transport for one URL that answers each attempt in turn (the last answer repeats) and records the key and bytes each sent.</summary>
internal sealed class ScriptedTransport(HttpMethod method, string url, params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
{
    private int _turn = -1;

    public ConcurrentQueue<(string? Key, string Body)> Sent { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != method || request.RequestUri?.AbsoluteUri != url)
            throw new AssertionException($"Unexpected HTTP call: {request.Method} {request.RequestUri}");
        var key = request.Headers.TryGetValues("Cko-Idempotency-Key", out var values) ? values.Single() : null;
        Sent.Enqueue((key, request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
        return answers[Math.Min(Interlocked.Increment(ref _turn), answers.Length - 1)]();
    }
}

/// <summary>A transport that never answers: each request waits until its token is cancelled.</summary>
internal sealed class NeverAnswers(Action? onRequest = null) : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        onRequest?.Invoke();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new AssertionException("unreachable: the delay only ends by cancellation");
    }
}

/// <summary>A body that delivers a few bytes, then fails as a reset connection does.</summary>
internal sealed class CutStream : Stream
{
    private bool _served;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_served) throw new IOException("The response ended prematurely.");
        _served = true;
        buffer[offset] = (byte)'{';
        return 1;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
