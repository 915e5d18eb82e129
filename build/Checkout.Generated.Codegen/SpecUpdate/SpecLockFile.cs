using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen.SpecUpdate;

/// <summary>
/// The committed record of the spec the project is generated from (<c>openapi/checkout.lock.json</c>). The counts are
/// of the document as published, so that the lock changes only when the spec does.
/// </summary>
internal sealed record SpecLockFile(string Source, string Sha256, string SpecDate, string Title, string InfoVersion, int Operations, int Schemas)
{
    public static SpecLockFile? Read(string path)
    {
        if (!File.Exists(path)) return null;
        var json = JObject.Parse(File.ReadAllText(path));
        return new SpecLockFile(
            json["source"]?.Value<string>() ?? "", json["sha256"]?.Value<string>() ?? "", json["specDate"]?.Value<string>() ?? "",
            json["title"]?.Value<string>() ?? "", json["infoVersion"]?.Value<string>() ?? "",
            json["operations"]?.Value<int>() ?? 0, json["schemas"]?.Value<int>() ?? 0);
    }

    /// <summary>Writes the lock as indented JSON with a trailing newline (stable, reviewable diffs).</summary>
    public void Write(string path)
    {
        var json = new JObject
        {
            ["source"] = Source,
            ["sha256"] = Sha256,
            ["specDate"] = SpecDate,
            ["title"] = Title,
            ["infoVersion"] = InfoVersion,
            ["operations"] = Operations,
            ["schemas"] = Schemas,
        };
        File.WriteAllText(path, json.ToString(Formatting.Indented).Replace("\r\n", "\n") + "\n");
    }
}
