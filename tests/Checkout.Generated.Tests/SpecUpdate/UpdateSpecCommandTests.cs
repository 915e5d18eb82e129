using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Checkout.Generated.Codegen.SpecUpdate;
using Checkout.Generated.Tests.Package;
using NUnit.Framework;

namespace Checkout.Generated.Tests.SpecUpdate;

[Category("SpecUpdate")]
public class UpdateSpecCommandTests
{
    private static readonly string Spec2022 = RepositoryFiles.SharedSpec("checkout-nas-2022-07-06.json");
    private static readonly string Spec2023 = RepositoryFiles.SharedSpec("checkout-nas-2023-02-23.json");
    private string _repo = "";

    [SetUp]
    public void CreateRepository()
    {
        _repo = Path.Combine(Path.GetTempPath(), "checkout-update-spec-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_repo);
    }

    [TearDown]
    public void DeleteRepository() => Directory.Delete(_repo, recursive: true);

    [Test]
    public async Task UpdateAsync_From2022To2023_ReportsTheSixteenAddedAndTwoRemovedOperations()
    {
        await UpdateSpecCommand.UpdateAsync(_repo, Spec2022, null);
        var (_, reportPath, _) = await UpdateSpecCommand.UpdateAsync(_repo, Spec2023, null);
        var report = await System.IO.File.ReadAllTextAsync(reportPath);

        Assert.That(Path.GetFileName(reportPath), Is.EqualTo("CHANGES-2023-02-23.md"));
        var added = Section(report, "## Operations added (16)");
        var removed = Section(report, "## Operations removed (2)");
        Assert.That(added.Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(16));
        foreach (var operation in new[] { "`GET /payments`", "`GET /financial-actions`", "`GET /reports`", "`GET /reports/{id}`", "`GET /reports/{id}/files/{fileId}`", "`POST /metadata/card`" })
        {
            Assert.That(added, Has.One.StartsWith($"| {operation} | api |"), operation);
        }
        Assert.That(added, Has.One.StartsWith("| `GET /files/{file_id}` | files |"), "Platforms file retrieval on the files host");
        Assert.That(removed.Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| operation", StringComparison.Ordinal) && !l.StartsWith("|---", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "| **Breaking**: `POST /risk/assessments/pre-authentication` | api | `RiskClient.PreAuthenticationRiskAssessmentAsync` | – |",
            "| **Breaking**: `POST /risk/assessments/pre-capture` | api | `RiskClient.PreCaptureRiskAssessmentAsync` | – |",
        }));
        Assert.That(report, Does.Contain("- **Breaking** `POST /risk/assessments/pre-capture`: operation removed"));
    }

    [Test]
    public async Task UpdateAsync_NewSpec_StoresTheCacheAndWritesTheLock()
    {
        await UpdateSpecCommand.UpdateAsync(_repo, Spec2022, null);
        var (specLock, _, _) = await UpdateSpecCommand.UpdateAsync(_repo, Spec2023, null);

        var bytes = await System.IO.File.ReadAllBytesAsync(Spec2023);
        Assert.That(await System.IO.File.ReadAllBytesAsync(Path.Combine(_repo, UpdateSpecCommand.CachePath)), Is.EqualTo(bytes));
        var written = SpecLockFile.Read(Path.Combine(_repo, UpdateSpecCommand.LockPath));
        Assert.That(written, Is.EqualTo(specLock));
        Assert.Multiple(() =>
        {
            Assert.That(written!.Sha256, Is.EqualTo(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant()));
            Assert.That(written.SpecDate, Is.EqualTo("2023-02-23"));
            Assert.That(written.Source, Is.EqualTo(Path.GetRelativePath(_repo, Spec2023).Replace('\\', '/')));
            Assert.That(written.Operations, Is.EqualTo(81));
            Assert.That(written.Schemas, Is.EqualTo(((Newtonsoft.Json.Linq.JObject)Newtonsoft.Json.Linq.JObject.Parse(System.Text.Encoding.UTF8.GetString(bytes))["components"]!["schemas"]!).Count));
            Assert.That(written.InfoVersion, Is.EqualTo("unversioned"), "the 2023 document has no info.version");
        });
    }

    [Test]
    public async Task UpdateAsync_Url_DownloadsTheDocumentAndRecordsTheUrl()
    {
        var bytes = await System.IO.File.ReadAllBytesAsync(Spec2023);
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var url = $"http://127.0.0.1:{port}/specs/checkout-nas-2023-02-23.json";
        using var listener = new System.Net.HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/specs/");
        listener.Start();
        var serve = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
            return context.Request.Url!.AbsolutePath;
        });

        var (specLock, reportPath, _) = await UpdateSpecCommand.UpdateAsync(_repo, url, null);

        Assert.That(await serve, Is.EqualTo("/specs/checkout-nas-2023-02-23.json"));
        Assert.That(specLock.Source, Is.EqualTo(url));
        Assert.That(specLock.SpecDate, Is.EqualTo("2023-02-23"));
        Assert.That(await System.IO.File.ReadAllBytesAsync(Path.Combine(_repo, UpdateSpecCommand.CachePath)), Is.EqualTo(bytes));
        Assert.That(await System.IO.File.ReadAllTextAsync(reportPath), Does.Contain("No previous spec was available"));
    }

    [Test]
    public async Task UpdateAsync_DateOption_OverridesTheFileName()
    {
        var (specLock, reportPath, _) = await UpdateSpecCommand.UpdateAsync(_repo, Spec2022, "2022-08-01");

        Assert.That(specLock.SpecDate, Is.EqualTo("2022-08-01"));
        Assert.That(Path.GetFileName(reportPath), Is.EqualTo("CHANGES-2022-08-01.md"));
    }

    [Test]
    public async Task UpdateAsync_SameSpecAgain_KeepsTheExistingReport()
    {
        await UpdateSpecCommand.UpdateAsync(_repo, Spec2022, null);
        var (_, reportPath, _) = await UpdateSpecCommand.UpdateAsync(_repo, Spec2023, null);
        var report = await System.IO.File.ReadAllTextAsync(reportPath);

        var (_, _, summary) = await UpdateSpecCommand.UpdateAsync(_repo, Spec2023, null);

        Assert.That(summary, Does.Contain("unchanged"));
        Assert.That(await System.IO.File.ReadAllTextAsync(reportPath), Is.EqualTo(report));
    }

    [Test]
    public async Task RunAsync_InvalidDate_FailsBeforeWritingAnything()
    {
        var error = new StringWriter();

        var exitCode = await UpdateSpecCommand.RunAsync(["--source", Spec2023, "--date", "23/02/2023", "--repo", _repo], TextWriter.Null, error);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("--date '23/02/2023' is not a date in the form yyyy-MM-dd"));
        Assert.That(Directory.GetFileSystemEntries(_repo), Is.Empty);
    }

    [Test]
    public async Task RunAsync_NotJson_FailsBeforeWritingAnything()
    {
        var notJson = Path.Combine(_repo, "spec.yaml");
        await System.IO.File.WriteAllTextAsync(notJson, "openapi: 3.0.1\n");
        var error = new StringWriter();

        var exitCode = await UpdateSpecCommand.RunAsync(["--source", notJson, "--repo", _repo], TextWriter.Null, error);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error.ToString(), Does.StartWith($"error CKSPEC002: cannot update the spec from '{notJson}'"));
        Assert.That(Directory.GetFileSystemEntries(_repo), Is.EqualTo(new[] { notJson }));
    }

    private static string[] Section(string report, string heading)
    {
        var lines = report.Split('\n');
        var start = Array.IndexOf(lines, heading);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"'{heading}' in the report:\n{report}");
        return lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).ToArray();
    }
}
