using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Checkout.Generated.Internal;

/// <summary>Sends a file to an upload link an operation returned (UploadLinkRule): a presigned URL, so no credentials go with it.</summary>
internal static class CheckoutUpload
{
    /// <summary>PUTs the file's bytes to <paramref name="href"/> with its media type; throws <see cref="CheckoutApiException"/> when the link is unusable or the upload fails.</summary>
    /// <remarks>
    /// The request carries no operation tag, so the Checkout handler adds no token or key: a presigned link authorises
    /// itself, and a credential must never reach a storage host. The link is a secret too: no message carries it.
    /// </remarks>
    public static async Task PutAsync(HttpClient client, object? href, CheckoutFile file, CheckoutResponse linkResponse, CancellationToken cancellationToken)
    {
        var link = href?.ToString();
        if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw new CheckoutApiException(
                "the upload link in the response is not an absolute https URL, so the file was not sent",
                linkResponse.StatusCode, null, linkResponse.Headers, null);
        }

        using var request = new HttpRequestMessage(HttpMethod.Put, uri);
        request.Content = new FilePartContent(file);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return;
        var metadata = CheckoutCall.Metadata(request, response);
        throw await CheckoutCall.ErrorAsync(response, metadata, $"the file upload to the upload link failed (HTTP {(int)response.StatusCode})", cancellationToken).ConfigureAwait(false);
    }
}
