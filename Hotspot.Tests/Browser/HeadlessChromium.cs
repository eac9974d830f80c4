using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Hotspot.Tests.Browser;

/// <summary>
/// Debian's chromium and chromedriver, headless, for the portal and dashboard browser tests. Without them the test
/// is ignored locally and fails under CI (<c>CI=true</c>), where <c>deploy/ci/install-browser.sh</c> installs them.
/// Screenshots go to the folder given at start (none when it is null) and are attached to the test result.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    private const string Binary = "/usr/bin/chromium";
    private const string DriverDirectory = "/usr/bin";
    private const string DriverName = "chromedriver";

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "hotspot-chromium-" + Guid.NewGuid().ToString("N"));
    private readonly string? _screenshots;
    private int _shots;

    public ChromeDriver Driver { get; }

    private HeadlessChromium(Size window, string? screenshots)
    {
        _screenshots = screenshots;
        // An explicit driver path: Selenium Manager must never try to download one.
        var service = ChromeDriverService.CreateDefaultService(DriverDirectory, DriverName);
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Binary };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--window-size={window.Width},{window.Height}",
            "--user-data-dir=" + _profile);
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        Driver.Manage().Window.Size = window;
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
    }

    /// <summary>Starts the browser, or ignores the test (fails it under CI) when chromium is not installed.</summary>
    public static HeadlessChromium Start(int width, int height, string? screenshots)
    {
        if (!File.Exists(Binary) || !File.Exists(Path.Combine(DriverDirectory, DriverName)))
        {
            const string message = "Headless Chromium is not installed: run deploy/ci/install-browser.sh (Debian's chromium and chromium-driver).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail(message);
            Assert.Ignore(message);
        }
        return new HeadlessChromium(new Size(width, height), screenshots);
    }

    public void Resize(int width, int height) => Driver.Manage().Window.Size = new Size(width, height);

    public void Screenshot(string name)
    {
        if (_screenshots is null)
            return;
        Directory.CreateDirectory(_screenshots);
        var file = Path.Combine(_screenshots, $"{TestContext.CurrentContext.Test.MethodName}-{++_shots:00}-{name}.png");
        Driver.GetScreenshot().SaveAsFile(file);
        TestContext.AddTestAttachment(file, name);
    }

    /// <summary>What the page logged at SEVERE level (errors, refused Content-Security-Policy), since the last call.</summary>
    public IReadOnlyList<string> BrowserErrors() =>
        Driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level == LogLevel.Severe).Select(e => e.Message).ToList();

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
