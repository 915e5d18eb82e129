using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Checkout.Generated.Benchmarks;

/// <summary>
/// The side-by-side benchmark's transport: an in-memory Checkout.com that answers canned bytes, shared by every client compared.
/// </summary>
/// <remarks>
/// <para>
/// <c>POST …/payments</c> gets 201 with the committed payment-created body, <c>GET …/payments/{id}</c> 200 with the payment-details
/// body, <c>POST …/connect/token</c> a client-credentials token; each answer carries <c>Cko-Request-Id</c> and <c>Cko-Version</c>
/// as Checkout's do. Anything else is a 404. The request body is copied out as a socket would send it, so content that
/// serialises lazily pays for it. The handler keeps the last API request's method, URL, credential and body length for the setups' checks.
/// </para>
/// <para>
/// Any .NET HTTP client that takes an <see cref="HttpMessageHandler"/> or an <c>IHttpClientFactory</c> runs over it unchanged
/// (e.g. Checkout.com's official SDK: docs/benchmarks.md shows how). Not thread-safe for the checks; the answers are.
/// </para>
/// </remarks>
public sealed class CannedCheckoutHandler : HttpMessageHandler
{
    private readonly byte[] _created;
    private readonly byte[] _details;
    private readonly byte[] _token;
    private readonly bool _asynchronous;
    private readonly CountingStream _sink = new();
    private int _tokenRequests;

    /// <summary>Answers with these bodies; <paramref name="asynchronous"/>: after a thread-pool hop, as a socket does, rather than synchronously.</summary>
    public CannedCheckoutHandler(byte[] paymentCreated, byte[] paymentDetails, byte[] token, bool asynchronous)
    {
        _created = paymentCreated ?? throw new ArgumentNullException(nameof(paymentCreated));
        _details = paymentDetails ?? throw new ArgumentNullException(nameof(paymentDetails));
        _token = token ?? throw new ArgumentNullException(nameof(token));
        _asynchronous = asynchronous;
    }

    /// <summary>The value of every answer's <c>Cko-Request-Id</c> header.</summary>
    public const string RequestId = "0HMV8BQ2T3U0A:00000001";

    /// <summary>How many token requests arrived.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>The method of the last API (non-token) request.</summary>
    public HttpMethod? LastMethod { get; private set; }

    /// <summary>The URL of the last API request.</summary>
    public Uri? LastUri { get; private set; }

    /// <summary>The Authorization header of the last API request.</summary>
    public AuthenticationHeaderValue? LastAuthorization { get; private set; }

    /// <summary>The body length of the last API request, in bytes (0 without a body).</summary>
    public long LastBodyLength { get; private set; }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_asynchronous) await Task.Yield();
        var path = request.RequestUri?.AbsolutePath ?? "";
        if (request.Method == HttpMethod.Post && path.EndsWith("/connect/token", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _tokenRequests);
            return Json(request, HttpStatusCode.OK, _token);
        }

        LastMethod = request.Method;
        LastUri = request.RequestUri;
        LastAuthorization = request.Headers.Authorization;
        LastBodyLength = 0;
        if (request.Content is { } content)
        {
            _sink.Count = 0;
            await content.CopyToAsync(_sink).ConfigureAwait(false);
            LastBodyLength = _sink.Count;
        }

        if (request.Method == HttpMethod.Post && path.EndsWith("/payments", StringComparison.Ordinal))
            return Json(request, HttpStatusCode.Created, _created);
        if (request.Method == HttpMethod.Get && path.Contains("/payments/"))
            return Json(request, HttpStatusCode.OK, _details);
        return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
    }

    private static HttpResponseMessage Json(HttpRequestMessage request, HttpStatusCode status, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var response = new HttpResponseMessage(status) { Content = content, RequestMessage = request };
        response.Headers.TryAddWithoutValidation("Cko-Request-Id", RequestId);
        response.Headers.TryAddWithoutValidation("Cko-Version", "1.0.0");
        return response;
    }

    /// <summary>Where request bodies go: counts the bytes, keeps none.</summary>
    private sealed class CountingStream : Stream
    {
        public long Count { get; set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Count;
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Count += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;
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
    }
}
