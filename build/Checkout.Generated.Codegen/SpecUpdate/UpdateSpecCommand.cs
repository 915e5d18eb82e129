using System.Text.RegularExpressions;

namespace Checkout.Generated.Codegen.SpecUpdate;

/// <summary>
/// <c>update-spec --source URL|FILE [--date yyyy-MM-dd] [--repo DIR]</c>: stores a new spec release as the cache, writes the
/// lock file and a change report against the previous release. Nothing is written when the new document cannot be read.
/// </summary>
internal static class UpdateSpecCommand
{
    public const string CachePath = "openapi/cache/checkout-openapi.json";
    public const string LockPath = "openapi/checkout.lock.json";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? source = null, date = null, repo = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--source": source = args[i + 1]; break;
                case "--date": date = args[i + 1]; break;
                case "--repo": repo = args[i + 1]; break;
                default: source = null; i = args.Length; break;
            }
        }
        if (source is null || args.Length % 2 != 0)
        {
            error.WriteLine("usage: update-spec --source URL|FILE [--date yyyy-MM-dd] [--repo DIR]");
            return 2;
        }
        if (date is not null && !(Regex.IsMatch(date, @"^\d{4}-\d{2}-\d{2}$") && DateOnly.TryParseExact(date, "yyyy-MM-dd", out _)))
        {
            error.WriteLine($"error CKSPEC001: --date '{date}' is not a date in the form yyyy-MM-dd.");
            return 2;
        }
        repo = Path.GetFullPath(repo ?? Directory.GetCurrentDirectory());
        try
        {
            var result = await UpdateAsync(repo, source, date);
            output.WriteLine(result.Summary);
            return 0;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or Newtonsoft.Json.JsonException or NormalisationException or UnauthorizedAccessException)
        {
            error.WriteLine($"error CKSPEC002: cannot update the spec from '{source}': {e.Message}");
            return 1;
        }
    }

    /// <summary>Runs the update in <paramref name="repo"/>; returns the new lock, the report's path and a one-line summary.</summary>
    public static async Task<(SpecLockFile Lock, string ReportPath, string Summary)> UpdateAsync(string repo, string source, string? date)
    {
        var isUrl = Regex.IsMatch(source, "^https?://", RegexOptions.IgnoreCase);
        byte[] bytes;
        if (isUrl)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            bytes = await http.GetByteArrayAsync(new Uri(source));
        }
        else
        {
            bytes = await File.ReadAllBytesAsync(Path.GetFullPath(source));
        }
        var recordedSource = isUrl ? source : Relative(repo, Path.GetFullPath(source));
        var current = LoadedSpec.Load(recordedSource, bytes, date);

        var cache = Path.Combine(repo, CachePath);
        var lockPath = Path.Combine(repo, LockPath);
        var previousLock = SpecLockFile.Read(lockPath);
        var previous = await LoadPreviousAsync(repo, cache, previousLock);
        var diff = previous is null ? null : SpecDiff.Compare(previous.Normalised, current.Normalised);

        Directory.CreateDirectory(Path.GetDirectoryName(cache)!);
        await File.WriteAllBytesAsync(cache, bytes);
        var newLock = new SpecLockFile(current.Source, current.Sha256, current.Date, current.Title, current.InfoVersion, current.OperationCount, current.PublishedSchemaCount);
        newLock.Write(lockPath);
        var reportPath = Path.Combine(repo, "openapi", $"CHANGES-{(current.Date != "" ? current.Date : current.Sha256[..8])}.md");
        if (previous?.Sha256 == current.Sha256)
        {
            // Same document again (e.g. a new source URL or date): the lock is refreshed, the existing report kept.
            return (newLock, reportPath, $"Spec {current.Sha256[..8]} unchanged; lock refreshed, no new report.");
        }
        await File.WriteAllTextAsync(reportPath, ChangeReport.Write(previous, current, diff).Replace("\r\n", "\n"));

        var summary = diff is null
            ? $"Spec {current.Sha256[..8]} recorded; no previous spec to compare. Report: {Relative(repo, reportPath)}"
            : $"Spec {previous!.Sha256[..8]} → {current.Sha256[..8]}: {diff.Added.Count} operations added, {diff.Removed.Count} removed, "
              + $"{diff.Changed.Count} changed, {diff.Breaking.Count()} breaking changes. Report: {Relative(repo, reportPath)}";
        return (newLock, reportPath, summary);
    }

    /// <summary>The release being replaced: the cache, else the lock's source when it is a readable file.</summary>
    private static async Task<LoadedSpec?> LoadPreviousAsync(string repo, string cache, SpecLockFile? previousLock)
    {
        string? file = File.Exists(cache) ? cache : null;
        if (file is null && previousLock is not null && previousLock.Source != "" && !Regex.IsMatch(previousLock.Source, "^https?://"))
        {
            var candidate = Path.GetFullPath(Path.Combine(repo, previousLock.Source));
            if (File.Exists(candidate)) file = candidate;
        }
        if (file is null) return null;
        var bytes = await File.ReadAllBytesAsync(file);
        var loaded = LoadedSpec.Load(previousLock?.Source ?? Relative(repo, file), bytes, null);
        // The lock names the previous release when it describes these bytes.
        return previousLock is not null && previousLock.Sha256 == loaded.Sha256
            ? loaded with { Source = previousLock.Source, Date = previousLock.SpecDate }
            : loaded with { Source = Relative(repo, file) };
    }

    private static string Relative(string repo, string path) => Path.GetRelativePath(repo, path).Replace('\\', '/');
}
