using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen;

/// <summary>The committed record of the spec the project expects (openapi/checkout.lock.json).</summary>
internal sealed record SpecLock(string Sha256, string SpecDate)
{
    public static SpecLock? Read(string? path)
    {
        if (path is null || !File.Exists(path)) return null;
        var json = JObject.Parse(File.ReadAllText(path));
        return new SpecLock(json["sha256"]?.Value<string>() ?? "", json["specDate"]?.Value<string>() ?? "");
    }
}
