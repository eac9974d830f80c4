using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Hotspot.Tests.Dashboard;

/// <summary>
/// Debian's chromium and chromedriver, headless, at a 1280 px laptop width (phones: <see cref="Resize"/>). Without them
/// the test is ignored locally and fails under CI (<c>CI=true</c>), where <c>deploy/ci/install-browser.sh</c> installs them.
/// Screenshots go to <c>HOTSPOT_DASHBOARD_SCREENSHOTS</c> (CI: TestResults/dashboard-screenshots, not committed), else
/// to the test's work folder, and are attached to the test result.
/// </summary>
internal sealed class DashboardBrowser : IDisposable
{
    private const string Binary = "/usr/bin/chromium";
    private const string DriverDirectory = "/usr/bin";
    private const string DriverName = "chromedriver";

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "hotspot-dashboard-chromium-" + Guid.NewGuid().ToString("N"));
    private readonly string _screenshots;
    private int _shots;

    public ChromeDriver Driver { get; }

    private DashboardBrowser(string screenshots)
    {
        _screenshots = screenshots;
        var service = ChromeDriverService.CreateDefaultService(DriverDirectory, DriverName); // never Selenium Manager's download
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Binary };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,900",
            "--user-data-dir=" + _profile);
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
        Driver.Manage().Window.Size = new Size(1280, 900);
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
    }

    public static DashboardBrowser Start()
    {
        if (!File.Exists(Binary) || !File.Exists(Path.Combine(DriverDirectory, DriverName)))
        {
            const string message = "Headless Chromium is not installed: run deploy/ci/install-browser.sh (Debian's chromium and chromium-driver).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail(message);
            Assert.Ignore(message);
        }
        var folder = Environment.GetEnvironmentVariable("HOTSPOT_DASHBOARD_SCREENSHOTS");
        if (string.IsNullOrWhiteSpace(folder))
            folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "TestResults", "dashboard-screenshots");
        return new DashboardBrowser(folder);
    }

    public void Resize(int width, int height) => Driver.Manage().Window.Size = new Size(width, height);

    public void Screenshot(string name)
    {
        Directory.CreateDirectory(_screenshots);
        var file = Path.Combine(_screenshots, $"{++_shots:00}-{name}.png");
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
