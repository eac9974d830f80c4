using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Hotspot.Tests.CaptivePortal;

/// <summary>
/// Debian's chromium and chromedriver, headless, with a window the size of a small phone (360 x 740). Without
/// them the browser tests are ignored locally and fail under CI (<c>CI=true</c>), where
/// <c>deploy/ci/install-browser.sh</c> installs them.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    public const string Binary = "/usr/bin/chromium";
    public const string DriverDirectory = "/usr/bin";
    public const string DriverName = "chromedriver";

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "hotspot-chromium-" + Guid.NewGuid().ToString("N"));
    private readonly string? _screenshots;
    private int _shots;

    public ChromeDriver Driver { get; }

    private HeadlessChromium(string? screenshots)
    {
        _screenshots = screenshots;
        // An explicit driver path: Selenium Manager must never try to download one.
        var service = ChromeDriverService.CreateDefaultService(DriverDirectory, DriverName);
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Binary };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=360,740",
            "--user-data-dir=" + _profile);
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        Driver.Manage().Window.Size = new Size(360, 740);
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
    }

    /// <summary>Starts the browser, or ignores the test (fails it under CI) when chromium is not installed.</summary>
    public static HeadlessChromium Start()
    {
        if (!File.Exists(Binary) || !File.Exists(Path.Combine(DriverDirectory, DriverName)))
        {
            const string message = "Headless Chromium is not installed: run deploy/ci/install-browser.sh (Debian's chromium and chromium-driver).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail(message);
            Assert.Ignore(message);
        }
        // HOTSPOT_PORTAL_SCREENSHOTS names a folder to keep a screenshot of each screen in, for looking at the layout.
        var folder = Environment.GetEnvironmentVariable("HOTSPOT_PORTAL_SCREENSHOTS");
        return new HeadlessChromium(string.IsNullOrWhiteSpace(folder) ? null : folder);
    }

    public void Screenshot(string name)
    {
        if (_screenshots is null)
            return;
        Directory.CreateDirectory(_screenshots);
        var file = Path.Combine(_screenshots, $"{TestContext.CurrentContext.Test.MethodName}-{++_shots}-{name}.png");
        Driver.GetScreenshot().SaveAsFile(file);
        TestContext.Progress.WriteLine("screenshot: " + file);
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
