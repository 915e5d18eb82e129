using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing.Internal;

/// <summary>Checkout's error answers (<c>request_id</c>, <c>error_type</c>, <c>error_codes</c>) and the strict reading of a JSON body.</summary>
internal static class MockErrors
{
    public static JObject Body(HttpResponse response, string type, IEnumerable<string>? codes)
    {
        var body = new JObject { ["request_id"] = response.Headers["Cko-Request-Id"].ToString(), ["error_type"] = type };
        if (codes is not null) body["error_codes"] = new JArray(codes);
        return body;
    }

    /// <summary>A <c>422 request_invalid</c> with the error codes (<c>amount_required</c>, …).</summary>
    public static Task UnprocessableAsync(HttpResponse response, IEnumerable<string> codes)
    {
        response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return MockJson.WriteAsync(response, Body(response, "request_invalid", codes).ToString());
    }

    /// <summary>Parses a body keeping dates as the strings the client sent (a parsed date would be echoed in another format).</summary>
    public static JToken ParseVerbatim(string text)
    {
        using var json = new Newtonsoft.Json.JsonTextReader(new StringReader(text)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        var token = JToken.ReadFrom(json);
        if (json.Read()) throw new Newtonsoft.Json.JsonReaderException("Additional text after the JSON body.");
        return token;
    }
}
