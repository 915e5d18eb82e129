using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using OpenQA.Selenium.Chrome;

namespace Checkout.Generated.Tests.Browser;

/// <summary>
/// Debian's Chromium driven through Debian's chromedriver (same source package, so the versions always match), headless,
/// with a fresh profile; no download, no Selenium Manager.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    public const string InstallHint = "Chromium is not installed: run 'apt-get install -y chromium chromium-driver' (Debian; .ci/run does), "
        + "or set CHROMIUM_PATH and CHROMEDRIVER_PATH to a Chromium and its matching chromedriver.";

    private readonly string _profile;

    private HeadlessChromium(ChromeDriver driver, string profile)
    {
        Driver = driver;
        _profile = profile;
    }

    public ChromeDriver Driver { get; }

    /// <summary>Starts the browser, or ignores the test with how to install it when Chromium or chromedriver is missing.</summary>
    public static HeadlessChromium Start()
    {
        var browser = Find("CHROMIUM_PATH", "chromium", "chromium-browser");
        var driverPath = Find("CHROMEDRIVER_PATH", "chromedriver");
        if (browser is null || driverPath is null) Assert.Ignore(InstallHint + $" (found: chromium {browser ?? "no"}, chromedriver {driverPath ?? "no"})");
        var profile = Directory.CreateTempSubdirectory("checkout-browser-profile-").FullName;
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1000,760", "--user-data-dir=" + profile);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        try
        {
            return new HeadlessChromium(new ChromeDriver(service, options, TimeSpan.FromSeconds(30)), profile);
        }
        catch
        {
            Directory.Delete(profile, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be releasing its profile; the temp directory is cleaned by the system.
        }
    }

    private static string? Find(string variable, params string[] names)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured) return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }
}
