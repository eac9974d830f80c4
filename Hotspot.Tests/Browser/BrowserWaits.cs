using OpenQA.Selenium;

namespace Hotspot.Tests.Browser;

/// <summary>Polls a page until a condition holds, for the browser tests (<c>using static</c>).</summary>
internal static class BrowserWaits
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45); // a loaded CI machine

    public static void WaitUntil(IWebDriver driver, Func<bool> condition) => WaitFor(driver, () => condition() ? "ok" : null);

    public static T WaitFor<T>(IWebDriver driver, Func<T?> probe) where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                if (probe() is { } value)
                    return value;
            }
            catch (WebDriverException) when (DateTime.UtcNow < deadline)
            {
                // Not rendered yet, re-rendered under our feet, or between documents (a router login navigates away).
            }
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out after {Patience.TotalSeconds} s at {driver.Url}");
            Thread.Sleep(100);
        }
    }
}
