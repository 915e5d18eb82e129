using System.Collections.Generic;
using System.IO;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>One request to the local server as its steps see it: the HTTP context, the host kind, and what earlier steps found.</summary>
internal sealed class MockRequest
{
    public MockRequest(HttpContext context, string host)
    {
        Context = context;
        Host = host;
    }

    public HttpContext Context { get; }

    public HttpRequest Request => Context.Request;

    public HttpResponse Response => Context.Response;

    /// <summary>The host kind the request came to (<c>api</c>, <c>access</c>, <c>files</c>, …).</summary>
    public string Host { get; }

    /// <summary>The operation the route matched (set by <see cref="RoutingStep"/>).</summary>
    public CheckoutOperation Operation { get; set; } = null!;

    /// <summary>The path parameters the route matched.</summary>
    public Dictionary<string, string> Parameters { get; set; } = new();

    /// <summary>The answer written so far, held in memory so that it can be kept for a replay, delayed or lost (<see cref="FaultStep"/>).</summary>
    public MemoryStream Answer { get; set; } = null!;

    /// <summary>Whether the operation takes a JSON body.</summary>
    public bool Json { get; set; }

    /// <summary>The request body as text, read when it is JSON or the operation takes an idempotency key.</summary>
    public string? Text { get; set; }

    /// <summary>The parsed JSON body, when there is one (<see cref="ValidationStep"/>).</summary>
    public JToken? Body { get; set; }

    /// <summary>The query string as a dictionary.</summary>
    public Dictionary<string, string> Query()
    {
        var query = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var pair in Request.Query) query[pair.Key] = pair.Value.ToString();
        return query;
    }
}
