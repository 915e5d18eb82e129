using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Checkout.Generated.Testing.Internal;

/// <summary>Writes the local server's JSON bodies.</summary>
internal static class MockJson
{
    public static Task WriteAsync(HttpResponse response, string json)
    {
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(json, CancellationToken.None);
    }
}
