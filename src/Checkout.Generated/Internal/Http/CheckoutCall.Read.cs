using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace Checkout.Generated.Internal;

/// <summary>Reading answers: JSON success bodies, errors, files and redirects.</summary>
internal static partial class CheckoutCall
{
    /// <summary>Deserialises a success body straight from the stream; an unreadable one becomes a <see cref="CheckoutApiException"/>.</summary>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CheckoutResponse metadata, JsonSerializer serializer, CancellationToken cancellationToken)
        where T : class
    {
        if (response.Content is null) throw Unreadable<T>(metadata, "", null, "the response has no body");
        var body = await ReadStreamAsync(response.Content, cancellationToken).ConfigureAwait(false);
        // A buffered body (the handler buffers every attempt's) can be read again for the error: only a live stream is recorded.
        var recording = body.CanSeek ? null : new RecordingStream(body);
        using var stream = recording ?? body;
        // A buffered body is read from memory: the smallest reader buffers do (StreamReader allocates both up front).
        using var text = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: recording is null ? 128 : 1024, leaveOpen: true);
        using var reader = new JsonTextReader(text) { CloseInput = false, ArrayPool = JsonCharPool.Instance };
        try
        {
            return (T)JsonRead.Value(reader, typeof(T), serializer);
        }
        catch (JsonReadException e)
        {
            // The exception names the path and the type expected, never a value: the raw body stays on Response only.
            var raw = recording is null ? RecordingStream.ReadFromStart(body) : await recording.ReadAllTextAsync(cancellationToken).ConfigureAwait(false);
            throw Unreadable<T>(metadata, raw, e, e.Problem, e.Path);
        }
        catch (IOException e)
        {
            var raw = recording is null ? RecordingStream.ReadFromStart(body) : await recording.ReadAllTextAsync(cancellationToken).ConfigureAwait(false);
            throw Unreadable<T>(metadata, raw, e, $"the body was cut short (JSON path '{reader.Path}', line {reader.LineNumber}, position {reader.LinePosition})", reader.Path);
        }
    }

    /// <summary>A documented error status: the body is kept as text and read into <typeparamref name="TError"/> when it can be.</summary>
    public static async Task<CheckoutApiException> ErrorAsync<TError>(HttpResponseMessage response, CheckoutResponse metadata, string description, JsonSerializer serializer, CancellationToken cancellationToken)
    {
        var text = await ReadTextAsync(response, cancellationToken).ConfigureAwait(false);
        TError? typed = default;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                using var reader = new JsonTextReader(new StringReader(text!));
                typed = serializer.Deserialize<TError>(reader);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidCastException or OverflowException or ArgumentException)
            {
                typed = default;
            }
        }
        var exception = typed is null
            ? new CheckoutApiException(description, metadata.StatusCode, text, metadata.Headers, null)
            : new CheckoutApiException<TError>(description, metadata.StatusCode, text, metadata.Headers, typed, null);
        exception.IdempotencyKey = metadata.IdempotencyKey;
        return exception;
    }

    /// <summary>An error or undocumented status without a typed body.</summary>
    public static async Task<CheckoutApiException> ErrorAsync(HttpResponseMessage response, CheckoutResponse metadata, string description, CancellationToken cancellationToken)
    {
        var text = await ReadTextAsync(response, cancellationToken).ConfigureAwait(false);
        return new CheckoutApiException(description, metadata.StatusCode, text, metadata.Headers, null) { IdempotencyKey = metadata.IdempotencyKey };
    }

    /// <summary>A file body: the caller owns the stream and the response behind it.</summary>
    public static async Task<CheckoutFile> FileAsync(HttpResponseMessage response, CheckoutResponse metadata, CancellationToken cancellationToken)
    {
        var content = response.Content;
        var stream = content is null ? Stream.Null : await ReadStreamAsync(content, cancellationToken).ConfigureAwait(false);
        var mediaType = content?.Headers.ContentType?.MediaType ?? "application/octet-stream";
        var disposition = content?.Headers.ContentDisposition;
        var name = Unquote(disposition?.FileNameStar) ?? Unquote(disposition?.FileName) ?? LastSegment(response.RequestMessage?.RequestUri) ?? "file";
        return new CheckoutFile(stream, name, mediaType, metadata, response);
    }

    /// <summary>A redirect: its <c>Location</c>, or the followed answer's body when the HTTP handler followed it.</summary>
    public static async Task<CheckoutRedirect> RedirectAsync(HttpResponseMessage response, CheckoutResponse metadata, CancellationToken cancellationToken)
    {
        var requested = response.RequestMessage?.RequestUri;
        if (metadata.StatusCode is >= 300 and < 400)
        {
            var location = response.Headers.Location;
            if (location is { IsAbsoluteUri: false } && requested is { IsAbsoluteUri: true }) location = new Uri(requested, location);
            return new CheckoutRedirect(location, null, metadata);
        }
        return new CheckoutRedirect(requested, await FileAsync(response, metadata, cancellationToken).ConfigureAwait(false), metadata);
    }

    private static CheckoutApiException Unreadable<T>(CheckoutResponse metadata, string raw, Exception? inner, string problem, string? path = null) =>
        new($"the {typeof(T).Name} response could not be read: {problem}", metadata.StatusCode, raw, metadata.Headers, inner)
        {
            IdempotencyKey = metadata.IdempotencyKey,
            JsonPath = path,
        };

    private static async Task<string?> ReadTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null) return null;
        try
        {
#if NET5_0_OR_GREATER
            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
#else
            return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
#endif
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    private static Task<Stream> ReadStreamAsync(HttpContent content, CancellationToken cancellationToken) =>
#if NET5_0_OR_GREATER
        content.ReadAsStreamAsync(cancellationToken);
#else
        content.ReadAsStreamAsync();
#endif

    private static string? LastSegment(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && uri.Segments.LastOrDefault()?.Trim('/') is { Length: > 0 } segment ? Uri.UnescapeDataString(segment) : null;

    private static string? Unquote(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim().Trim('"');
}
