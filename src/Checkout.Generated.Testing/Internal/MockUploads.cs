using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>
/// Upload links (operations the normaliser marked <c>x-checkout-upload-link</c>): the link request is answered with a new
/// file id and a presigned-style link back to this server, which takes the file's bytes by <c>PUT</c> (and, like a
/// storage host, refuses a request that also carries an <c>Authorization</c> header). A GET on the link operation's host
/// whose one path parameter is such a file id answers that file's information from what was uploaded.
/// </summary>
internal sealed class MockUploads
{
    public const string LinkPath = "/upload-links/";
    private readonly ExampleComposer _composer;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Upload> _files = new(StringComparer.Ordinal);

    public MockUploads(ExampleComposer composer, TimeProvider time)
    {
        _composer = composer;
        _time = time;
    }

    /// <summary>A file announced by a link request, and its bytes once sent.</summary>
    public sealed class Upload
    {
        public string Id { get; init; } = "";
        public string Host { get; init; } = "";
        public string Signature { get; init; } = "";
        public string? Purpose { get; init; }
        public byte[]? Bytes { get; set; }
        public string? MediaType { get; set; }
        public DateTimeOffset? UploadedOn { get; set; }
    }

    /// <summary>The files announced so far, by id.</summary>
    public IReadOnlyDictionary<string, Upload> Files => _files;

    /// <summary>True when the operation hands out an upload link.</summary>
    public bool GivesLink(CheckoutOperation operation) => _composer.Operation(operation.Id)["x-checkout-upload-link"] is not null;

    /// <summary>Answers a link request: the documented example with a new file id and a link to this server.</summary>
    public async Task AnswerLinkAsync(HttpContext context, CheckoutOperation operation, JObject? example)
    {
        string? purpose = null;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            purpose = form.TryGetValue("purpose", out var value) ? value.ToString() : null;
        }

        var upload = new Upload { Id = PaymentLedger.NewId("file_"), Host = operation.Host, Signature = Guid.NewGuid().ToString("N"), Purpose = purpose };
        _files[upload.Id] = upload;
        var body = example?.DeepClone() as JObject ?? new JObject();
        body["id"] = upload.Id;
        var path = ((string)_composer.Operation(operation.Id)["x-checkout-upload-link-json"]!).Split('.');
        var site = $"{context.Request.Scheme}://{context.Request.Host}";
        if (body[path[0]] is not JObject links) body[path[0]] = links = new JObject();
        links[path[1]] = new JObject { [path[2]] = $"{site}{LinkPath}{upload.Id}?X-Amz-Signature={upload.Signature}" };
        context.Response.StatusCode = StatusCodes.Status200OK;
        await MockJson.WriteAsync(context.Response, body.ToString()).ConfigureAwait(false);
    }

    /// <summary>Takes (PUT) or serves (GET) a file at its link; 403 for a wrong signature, 400 when credentials come too.</summary>
    public async Task HandleLinkAsync(HttpContext context)
    {
        var request = context.Request;
        var id = request.Path.Value!.Substring(LinkPath.Length);
        if (!_files.TryGetValue(id, out var upload) || request.Query["X-Amz-Signature"].ToString() != upload.Signature)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (request.Headers.ContainsKey("Authorization"))
        {
            // A presigned URL is its own authorisation; storage hosts refuse a second mechanism.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (HttpMethods.IsPut(request.Method))
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            lock (upload)
            {
                upload.Bytes = buffer.ToArray();
                upload.MediaType = request.ContentType;
                upload.UploadedOn = _time.GetUtcNow();
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (HttpMethods.IsGet(request.Method) && upload.Bytes is { } bytes)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = upload.MediaType ?? "application/octet-stream";
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    /// <summary>The information of an announced file when a GET on its host names it by its one path parameter; else null.</summary>
    public JObject? Information(CheckoutOperation operation, Dictionary<string, string> parameters, JObject? example, string site)
    {
        if (operation.Method != "GET" || parameters.Count != 1 || !_files.TryGetValue(parameters.Values.First(), out var upload) || upload.Host != operation.Host) return null;
        var body = example?.DeepClone() as JObject ?? new JObject();
        lock (upload)
        {
            body["id"] = upload.Id;
            if (upload.Purpose is not null) body["purpose"] = upload.Purpose;
            body["status"] = upload.Bytes is null ? "pending" : "uploaded";
            body.Remove("status_reasons");
            if (upload.Bytes is { } bytes)
            {
                body["size"] = Math.Round(bytes.Length / 1024m, 3);
                body["mime_type"] = upload.MediaType;
                body["uploaded_on"] = upload.UploadedOn!.Value.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            }
            else
            {
                body.Remove("size");
                body.Remove("mime_type");
                body.Remove("uploaded_on");
            }

            var links = new JObject { ["self"] = new JObject { ["href"] = $"{site}{operation.PathTemplate.Split('{')[0]}{upload.Id}" } };
            if (upload.Bytes is not null) links["download"] = new JObject { ["href"] = $"{site}{LinkPath}{upload.Id}?X-Amz-Signature={upload.Signature}" };
            body["_links"] = links;
        }

        return body;
    }
}
