using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Checkout.Generated.Internal;
using Checkout.Generated.Tests.Auth;
using NUnit.Framework;

namespace Checkout.Generated.Tests.Client;

/// <summary>File and report downloads reach the caller as a live stream; JSON answers are still read whole within the attempt.</summary>
[TestFixture]
[Category("Client")]
[NonParallelizable]
public sealed class StreamingTests
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    [Test]
    public async Task Download_50MegabyteFile_AllocatesASmallConstant()
    {
        var download = CheckoutOperationCatalog.All.FirstOrDefault(o => o.StreamsBody && o.Method == "GET")
                       ?? throw new IgnoreException("this spec release has no file or report download");
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), new FileServer(FiftyMegabytes));
        var buffer = new byte[81920];

        // Warm up (JIT, pools), then measure one whole download: sending, the answer's headers, and reading every byte.
        await DownloadAsync(factory, download, buffer);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var read = await DownloadAsync(factory, download, buffer);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        TestContext.Out.WriteLine($"{read / (1024 * 1024)} MB downloaded, {allocated / 1024.0:F1} KB allocated");
        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(FiftyMegabytes));
            Assert.That(allocated, Is.LessThan(1024 * 1024), "a download allocates a small constant, not its size");
        });
    }

    [Test]
    public async Task Download_CutAfterTheHeaders_FailsInTheCallersReadNotInTheCall()
    {
        var download = CheckoutOperationCatalog.All.FirstOrDefault(o => o.StreamsBody && o.Method == "GET")
                       ?? throw new IgnoreException("this spec release has no file or report download");
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey(), new FileServer(FiftyMegabytes, cutAfter: 1024));
        using var request = AuthFixture.RequestFor(download);

        // Streamed: the call returns with the headers; the cut shows where the caller reads.
        using var response = await factory.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var file = await CheckoutCall.FileAsync(response, CheckoutCall.Metadata(request, response), CancellationToken.None);

        Assert.That(() => file.Content.CopyToAsync(Stream.Null), Throws.InstanceOf<IOException>());
    }

    [Test]
    public async Task Upload_20MegabytesThatCannotBeResent_GoesFromTheCallersStreamWithoutACopy()
    {
        var operation = CheckoutOperationCatalog.All.First(o => o.Method == "POST" && (o.Credentials & CheckoutCredentialKinds.SecretKey) != 0 && o.IdempotencyKeyHeader is null);
        var options = AuthFixture.SecretKey();
        options.Resilience.MaxRetryAttempts = 0;
        var wire = new Drain();
        using var factory = new CheckoutClientFactory(options, wire);

        await UploadAsync(factory, operation, 1024);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await UploadAsync(factory, operation, 20L * 1024 * 1024);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        TestContext.Out.WriteLine($"20 MB uploaded, {allocated / 1024.0:F1} KB allocated");
        Assert.Multiple(() =>
        {
            Assert.That(wire.Received.Last(), Is.GreaterThan(20L * 1024 * 1024));
            Assert.That(allocated, Is.LessThan(1024 * 1024), "the file is not copied when the request will not be resent");
        });
    }

    [Test]
    public async Task Upload_RetriedAfter503_SendsTheSameBytesTwiceReadingTheCallersStreamOnce()
    {
        var operation = CheckoutOperationCatalog.All.First(o => o.Method == "POST" && (o.Credentials & CheckoutCredentialKinds.SecretKey) != 0 && o.IdempotencyKeyHeader is not null);
        var wire = new Drain(firstStatus: HttpStatusCode.ServiceUnavailable);
        using var factory = new CheckoutClientFactory(AuthFixture.SecretKey().WithoutRetryWaits(), wire);

        // The generated stream cannot seek: a second read of it would send nothing, so two equal bodies mean one buffer.
        await UploadAsync(factory, operation, 64 * 1024);

        Assert.That((wire.Received.Count, wire.Received.Distinct().Single()), Is.EqualTo((2, wire.Received.First())));
        Assert.That(wire.Received.First(), Is.GreaterThan(64 * 1024));
    }

    private static async Task UploadAsync(CheckoutClientFactory factory, CheckoutOperation operation, long length)
    {
        using var request = AuthFixture.RequestFor(operation);
        var file = new CheckoutFile(new GeneratedStream(length, null), "report.csv", "text/csv");
        var form = new MultipartFormDataContent("----boundary") { { new FilePartContent(file), "file", file.FileName } };
        request.Content = form;
        using var response = await factory.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>Writes every request body out as a socket handler does, keeping only its length; answers the first with <c>firstStatus</c>, the rest 200.</summary>
    private sealed class Drain(HttpStatusCode firstStatus = HttpStatusCode.OK) : HttpMessageHandler
    {
        public System.Collections.Generic.List<long> Received { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var sink = new CountingSink();
            await request.Content!.CopyToAsync(sink, cancellationToken);
            Received.Add(sink.Count);
            var status = Received.Count == 1 ? firstStatus : HttpStatusCode.OK;
            return new HttpResponseMessage(status) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), RequestMessage = request };
        }
    }

    private sealed class CountingSink : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Count;
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) => Count += count;
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Count += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count += buffer.Length;
            return default;
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static async Task<long> DownloadAsync(CheckoutClientFactory factory, CheckoutOperation operation, byte[] buffer)
    {
        using var request = AuthFixture.RequestFor(operation);
        var response = await factory.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var file = await CheckoutCall.FileAsync(response, CheckoutCall.Metadata(request, response), CancellationToken.None);
        long total = 0;
        int n;
        while ((n = await file.Content.ReadAsync(buffer, 0, buffer.Length)) > 0) total += n;
        return total;
    }

    /// <summary>Answers every request with a CSV body of the given length, made as it is read (never held whole in memory).</summary>
    private sealed class FileServer(long length, long? cutAfter = null) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new GeneratedStream(length, cutAfter), 81920);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            content.Headers.ContentLength = length;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    private sealed class GeneratedStream(long length, long? cutAfter) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (cutAfter is { } cut && _position >= cut) throw new IOException("The connection was reset.");
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
