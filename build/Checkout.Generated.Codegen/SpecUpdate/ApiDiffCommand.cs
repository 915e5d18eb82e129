namespace Checkout.Generated.Codegen.SpecUpdate;

/// <summary>
/// <c>api-diff --previous FILE --current FILE --report FILE --spec FILE [--label TEXT]</c>: writes (or replaces) the
/// report's public API section from the baseline before an update and the one after (see <see cref="PublicApiChanges"/>).
/// </summary>
internal static class ApiDiffCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2) values[args[i]] = args[i + 1];
        if (args.Length % 2 != 0 || !values.ContainsKey("--previous") || !values.ContainsKey("--current") || !values.ContainsKey("--report") || !values.ContainsKey("--spec"))
        {
            error.WriteLine("usage: api-diff --previous FILE --current FILE --report FILE --spec FILE [--label TEXT]");
            return 2;
        }
        try
        {
            var spec = LoadedSpec.Load(values["--spec"], await File.ReadAllBytesAsync(values["--spec"]), null);
            var section = PublicApiChanges.Write(
                values.GetValueOrDefault("--label") ?? "the previous baseline",
                await File.ReadAllTextAsync(values["--previous"]),
                await File.ReadAllTextAsync(values["--current"]),
                PublicApiChanges.SpecIds(spec.Normalised));
            var report = File.Exists(values["--report"]) ? await File.ReadAllTextAsync(values["--report"]) : "";
            await File.WriteAllTextAsync(values["--report"], PublicApiChanges.Merge(report.Replace("\r\n", "\n"), section));
            output.WriteLine($"api-diff: public API section written to {values["--report"]}.");
            return 0;
        }
        catch (Exception e) when (e is IOException or Newtonsoft.Json.JsonException or NormalisationException or UnauthorizedAccessException)
        {
            error.WriteLine($"error CKSPEC003: cannot write the public API section: {e.Message}");
            return 1;
        }
    }
}
