using System.IO;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing;

/// <summary>The normalised OpenAPI document the client was generated from, embedded at build time.</summary>
public static class SpecDocument
{
    private static readonly System.Lazy<JObject> Document = new(Load);

    /// <summary>A fresh copy of the document (callers may change it).</summary>
    public static JObject Load()
    {
        using var stream = typeof(SpecDocument).Assembly.GetManifestResourceStream("Checkout.Generated.Testing.openapi.json")
            ?? throw new InvalidDataException("The normalised OpenAPI document is not embedded: rebuild Checkout.Generated.Testing.");
        using var reader = new Newtonsoft.Json.JsonTextReader(new StreamReader(stream)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JObject.Load(reader);
    }

    /// <summary>The shared, read-only instance: do not modify it.</summary>
    internal static JObject Shared => Document.Value;
}
