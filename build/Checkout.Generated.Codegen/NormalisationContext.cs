using Newtonsoft.Json.Linq;

namespace Checkout.Generated.Codegen;

/// <summary>The document being normalised, with the counts each rule reports.</summary>
internal sealed class NormalisationContext
{
    public NormalisationContext(JObject document) => Document = document;

    public JObject Document { get; }

    /// <summary>Repairs per rule name, in the order rules ran.</summary>
    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    /// <summary>Damage no rule could repair: a JSON pointer and what is wrong there.</summary>
    public List<string> Errors { get; } = new();

    public void Count(string rule, int n = 1) => Counts[rule] = Counts.TryGetValue(rule, out var c) ? c + n : n;

    public void Fail(string pointer, string problem) => Errors.Add($"{pointer}: {problem}");

    public JObject Paths => Document["paths"] as JObject ?? throw new NormalisationException("/paths: the document has no paths object");

    /// <summary>Every operation: path key, method and the operation object.</summary>
    public IEnumerable<(string Path, string Method, JObject Operation)> Operations()
    {
        foreach (var path in Paths.Properties().ToList())
        {
            if (path.Value is not JObject item) continue;
            foreach (var method in OpenApi.Methods)
            {
                if (item[method] is JObject op) yield return (path.Name, method, op);
            }
        }
    }
}

internal sealed class NormalisationException(string message) : Exception(message);
