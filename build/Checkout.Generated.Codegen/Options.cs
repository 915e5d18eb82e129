namespace Checkout.Generated.Codegen;

/// <summary>The command line of a generation run.</summary>
internal sealed record Options(string Spec, string Out, string NSwagDll, string NSwagConfig, string Templates, string Namespace, string? Lock, bool NormaliseOnly)
{
    public static Options? Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return null;
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) map[args[i]] = args[++i];
            else flags.Add(args[i]);
        }
        var normaliseOnly = flags.Contains("--normalise-only");
        if (!map.TryGetValue("--spec", out var spec) || !map.TryGetValue("--out", out var output)) return null;
        if (!normaliseOnly && !(map.ContainsKey("--nswag-dll") && map.ContainsKey("--nswag-config") && map.ContainsKey("--templates"))) return null;
        return new Options(
            Path.GetFullPath(spec), Path.GetFullPath(output),
            map.GetValueOrDefault("--nswag-dll", ""), map.GetValueOrDefault("--nswag-config", ""), map.GetValueOrDefault("--templates", ""),
            map.GetValueOrDefault("--namespace", "Checkout.Generated"), map.GetValueOrDefault("--lock"), normaliseOnly);
    }
}
