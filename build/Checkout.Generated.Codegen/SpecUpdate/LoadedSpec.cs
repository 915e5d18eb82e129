using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.SpecUpdate;

/// <summary>A spec release as read from disk: its bytes' hash, its date and its normalised document.</summary>
internal sealed record LoadedSpec(string Source, string Sha256, string Date, NormalisationContext Normalised, int PublishedSchemaCount)
{
    public string Title => Normalised.Document["info"]?["title"]?.Value<string>() ?? "";

    public string InfoVersion => Normalised.Document["info"]?["version"]?.Value<string>() ?? "";

    public int OperationCount => Normalised.Operations().Count();

    /// <summary>Schemas after normalisation (which hoists inline schemas): the names the diff compares.</summary>
    public int SchemaCount => SpecDiff.SchemaNames(Normalised).Count;

    /// <summary>Reads and normalises <paramref name="bytes"/>; the date is <paramref name="date"/>, else the name's yyyy-MM-dd, else empty.</summary>
    public static LoadedSpec Load(string source, byte[] bytes, string? date)
    {
        JObject document;
        using (var reader = new JsonTextReader(new StreamReader(new MemoryStream(bytes))) { DateParseHandling = DateParseHandling.None })
        {
            document = JObject.Load(reader);
        }
        var normalised = Normaliser.Normalise(document);
        if (normalised.Errors.Count > 0) throw new NormalisationException($"'{source}' cannot be repaired: {string.Join("; ", normalised.Errors)}");
        var sha = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        var published = (document["components"]?["schemas"] as JObject)?.Count ?? 0;
        return new LoadedSpec(source, sha, date ?? DateFromName(source), normalised, published);
    }

    /// <summary>The release date in a file name or URL such as <c>checkout-nas-2023-02-23.json</c>; empty when there is none.</summary>
    public static string DateFromName(string source)
    {
        var match = Regex.Match(Path.GetFileName(source), @"(\d{4}-\d{2}-\d{2})");
        return match.Success && DateOnly.TryParseExact(match.Value, "yyyy-MM-dd", out _) ? match.Value : "";
    }
}
