using System.IO;
using System.IO.Compression;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Testing;

/// <summary>
/// The normalised OpenAPI document the client was generated from, as the core's build published it (the resource
/// <c>Checkout.Generated.openapi.zip</c> of the Checkout.Generated assembly): the server's routes, schemas and examples.
/// </summary>
internal static class SpecDocument
{
    private static readonly System.Lazy<JObject> Document = new(Load);

    /// <summary>A fresh copy of the document (callers may change it).</summary>
    public static JObject Load()
    {
        using var stream = typeof(CheckoutOperationCatalog).Assembly.GetManifestResourceStream("Checkout.Generated.openapi.zip")
            ?? throw new InvalidDataException("Checkout.Generated carries no normalised OpenAPI document: rebuild it.");
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var entry = zip.GetEntry("openapi.json") ?? throw new InvalidDataException("Checkout.Generated's normalised OpenAPI document has no openapi.json: rebuild it.");
        using var reader = new Newtonsoft.Json.JsonTextReader(new StreamReader(entry.Open())) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        return JObject.Load(reader);
    }

    /// <summary>The shared, read-only instance: do not modify it.</summary>
    internal static JObject Shared => Document.Value;
}
