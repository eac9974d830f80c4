using Hotspot.Domain.Purchases;
using Hotspot.Providers.Daraja.Simulator;
using Hotspot.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using static Hotspot.Tests.Browser.BrowserWaits;

namespace Hotspot.Tests.Dashboard;

/// <summary>
/// The operator's whole first day in headless Chromium against the real API and its Daraja simulator: sign in as the
/// bootstrap admin, create an organization, configure and activate the M-Pesa sandbox, create a plan, sell a voucher
/// through the reference captive portal, see the purchase PAID with its voucher, print a batch of 10, sign out.
/// </summary>
[Slow(TestCategories.Browser)]
[NonParallelizable]
public class DashboardBrowserTests
{
    [Test]
    [CancelAfter(240_000)]
    public async Task An_operator_sets_up_an_organization_sells_a_voucher_through_the_portal_and_prints_a_batch()
    {
        await using var api = new DashboardApi();
        api.RequireBuiltDashboard();
        using var browser = HeadlessChromium.Start(1280, 900, Screenshots());
        var driver = browser.Driver;
        var admin = new Uri(api.BaseAddress, "/admin/").ToString();

        // Sign in.
        driver.Navigate().GoToUrl(admin);
        WaitUntil(driver, () => driver.FindElement(By.Name("email")).Displayed);
        browser.Screenshot("sign-in");
        driver.FindElement(By.Name("email")).SendKeys(DashboardApi.AdminEmail);
        driver.FindElement(By.Name("password")).SendKeys("not the password");
        driver.FindElement(By.CssSelector("button[type=submit]")).Click();
        WaitUntil(driver, () => driver.FindElement(By.CssSelector("[role=alert]")).Text.Length > 0);
        Assert.That(driver.FindElement(By.CssSelector("[role=alert]")).Text, Does.Contain("email or password").IgnoreCase, "the API's refusal is shown readably");
        driver.FindElement(By.Name("password")).Clear();
        driver.FindElement(By.Name("password")).SendKeys(DashboardApi.AdminPassword);
        driver.FindElement(By.CssSelector("button[type=submit]")).Click();
        WaitUntil(driver, () => driver.FindElement(By.CssSelector("[data-testid=sign-out]")).Displayed);

        // Create an organization: it becomes the one the screens work on.
        Click(driver, "nav-organizations");
        var name = "Kibera Net " + Guid.NewGuid().ToString("N")[..6];
        driver.FindElement(By.Name("organization-name")).SendKeys(name);
        driver.FindElement(By.CssSelector("form button[type=submit]")).Click();
        WaitUntil(driver, () => driver.FindElements(By.XPath($"//td[text()='{name}']")).Count == 1);
        browser.Screenshot("organizations");
        await using (var db = await api.Contexts.CreateDbContextAsync())
            Assert.That(await db.Organizations.CountAsync(o => o.Name == name), Is.EqualTo(1));
        Guid organizationId;
        await using (var db = await api.Contexts.CreateDbContextAsync())
            organizationId = await db.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
        WaitUntil(driver, () => driver.ExecuteScript("return document.querySelector('[data-testid=organization-picker]').selectedOptions[0].text") as string == name);

        // Configure the M-Pesa sandbox, test the credentials, activate it.
        Click(driver, "nav-payment-settings");
        WaitUntil(driver, () => driver.FindElement(By.Name("mpesa-short-code")).Displayed);
        Assert.That(driver.FindElement(By.CssSelector("[data-testid=activate-mpesa]")).Enabled, Is.False, "nothing to activate before it is configured");
        driver.FindElement(By.Name("mpesa-short-code")).SendKeys("174379");
        driver.FindElement(By.Name("mpesa-consumer-key")).SendKeys("dashboard-consumer-key");
        driver.FindElement(By.Name("mpesa-consumer-secret")).SendKeys("dashboard-consumer-secret");
        driver.FindElement(By.Name("mpesa-passkey")).SendKeys(DarajaSimulatorOptions.SandboxPassKey);
        Click(driver, "save-mpesa");
        WaitUntil(driver, () => driver.FindElement(By.CssSelector("[data-testid=mpesa-settings]")).Text.Contains("••••-key"));
        Assert.That(driver.FindElement(By.CssSelector("[data-testid=mpesa-settings]")).Text, Does.Not.Contain("dashboard-consumer-secret"), "secrets are never shown back");
        Click(driver, "test-mpesa");
        WaitUntil(driver, () => driver.FindElement(By.CssSelector("[data-testid=mpesa-verified]")).Text.StartsWith("verified"));
        Click(driver, "activate-mpesa");
        WaitUntil(driver, () => driver.FindElement(By.CssSelector("[data-testid=active-method]")).Text.Contains("M-Pesa (Daraja)\nACTIVE")
            || driver.FindElement(By.CssSelector("[data-testid=active-method] .badge-active")).Displayed);
        Assert.That(driver.FindElement(By.CssSelector("[data-testid=mpesa-settings]")).Text, Does.Contain("/api/"), "the callback URLs to give Safaricom");
        browser.Screenshot("payment-settings");

        // Create a plan.
        Click(driver, "nav-plans");
        driver.FindElement(By.Name("plan-name")).SendKeys("1 hour");
        driver.FindElement(By.Name("plan-price")).SendKeys("20");
        Click(driver, "save-plan");
        WaitUntil(driver, () => driver.FindElement(By.CssSelector("[data-testid=plans-table]")).Text.Contains("KES 20"));
        browser.Screenshot("plans");

        // A customer buys it on the reference portal with the sandbox's success number.
        driver.Navigate().GoToUrl(new Uri(api.BaseAddress, $"/portal/{organizationId}").ToString());
        WaitUntil(driver, () => driver.FindElement(By.Id("screen-choose")).Displayed);
        driver.FindElement(By.CssSelector("input[name=plan][data-price='20']")).FindElement(By.XPath("..")).Click();
        driver.FindElement(By.Id("phone")).SendKeys("0708 374 149");
        driver.FindElement(By.Id("pay")).Click();
        var code = WaitFor(driver, () => driver.FindElement(By.Id("screen-done")).Displayed && driver.FindElement(By.Id("voucher-code")).Text is { Length: > 0 } shown ? shown : null);
        browser.Screenshot("portal-paid");

        // The dashboard shows the purchase PAID with that voucher.
        driver.Navigate().GoToUrl(admin + "purchases");
        WaitFor(driver, () =>
        {
            var rows = driver.FindElements(By.CssSelector("[data-testid=purchase-row]"));
            if (rows.Count == 1 && rows[0].Text.Contains("PAID") && rows[0].Text.Contains(code))
                return "shown";
            Click(driver, "refresh");
            return null;
        });
        await using (var db = await api.Contexts.CreateDbContextAsync())
        {
            var purchase = await db.Purchases.AsNoTracking().SingleAsync(p => p.OrganizationId == organizationId);
            Assert.That(purchase.Status, Is.EqualTo(PurchaseStatus.Paid));
        }
        browser.Screenshot("purchases");
        Click(driver, "nav-overview");
        WaitUntil(driver, () => driver.FindElement(By.CssSelector("[data-testid=live-feed]")).Text.Contains(code));
        Assert.That(driver.FindElement(By.CssSelector("[data-testid=today-amount]")).Text, Is.EqualTo("KES 20"));
        browser.Screenshot("overview");

        // The other screens read the same sale.
        Click(driver, "nav-revenue");
        WaitUntil(driver, () => driver.FindElement(By.CssSelector("[data-testid=revenue-chart]")).Displayed
            && driver.FindElement(By.CssSelector(".stats")).Text.Contains("KES 20"));
        browser.Screenshot("revenue");
        Click(driver, "nav-transactions");
        WaitUntil(driver, () => driver.FindElement(By.CssSelector(".table-wrap table")).Text.Contains("STK_CALLBACK"));
        browser.Screenshot("transactions");
        Click(driver, "nav-review");
        WaitUntil(driver, () => driver.FindElement(By.CssSelector(".page")).Text.Contains("Nothing waits for a decision"));
        Click(driver, "nav-routers");
        driver.FindElement(By.Name("router-name")).SendKeys("Shop A");
        driver.FindElement(By.Name("router-nas")).SendKeys("shop-a-" + name[^6..]);
        Click(driver, "save-router");
        Click(driver, "radius-settings");
        WaitUntil(driver, () => driver.FindElement(By.CssSelector(".snippets pre")).Text.StartsWith("/system identity set name=shop-a-"));
        browser.Screenshot("routers");

        // A batch of 10 vouchers and its print view.
        Click(driver, "nav-vouchers");
        var count = driver.FindElement(By.Name("batch-count"));
        count.Clear();
        count.SendKeys("10");
        Click(driver, "generate");
        WaitUntil(driver, () => driver.FindElement(By.CssSelector("[data-testid=print-batch]")).Displayed);
        browser.Screenshot("vouchers");
        Click(driver, "print-batch");
        WaitUntil(driver, () => driver.FindElements(By.CssSelector("[data-testid=voucher-card]")).Count == 10);
        var cards = driver.FindElements(By.CssSelector("[data-testid=voucher-card]"));
        Assert.That(cards.Select(c => c.FindElement(By.CssSelector("[data-testid=voucher-code]")).Text).Distinct().Count(), Is.EqualTo(10));
        Assert.That(cards.All(c => c.Text.Contains("1 hour") && c.Text.Contains("KES 20")), Is.True, "each card names the plan and its price");
        Assert.That(cards.All(c => c.FindElement(By.CssSelector("svg.qr path")).GetAttribute("d")!.Length > 100), Is.True, "each card has a QR code");
        browser.Screenshot("print-view");

        // The phone layout: no sideways scrolling.
        driver.Navigate().GoToUrl(admin + "purchases");
        browser.Resize(390, 844);
        WaitUntil(driver, () => driver.FindElements(By.CssSelector("[data-testid=purchase-row]")).Count == 1);
        Assert.That(driver.ExecuteScript("return document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(390L), "no sideways scrolling at 390 px");
        browser.Screenshot("purchases-phone");
        browser.Resize(1280, 900);

        // Sign out: the token is gone and the sign-in screen is back.
        Click(driver, "sign-out");
        WaitUntil(driver, () => driver.FindElement(By.Name("email")).Displayed);
        Assert.That(driver.ExecuteScript("return sessionStorage.getItem('hotspot.session')"), Is.Null);
        driver.Navigate().GoToUrl(admin + "purchases");
        WaitUntil(driver, () => driver.FindElement(By.Name("email")).Displayed);
        Assert.That(browser.BrowserErrors().Where(e => e.Contains("Content Security Policy")), Is.Empty, "nothing was refused by the CSP");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_browser_at_graphql_lands_in_graphiql_which_sends_the_signed_in_token()
    {
        await using var api = new DashboardApi();
        api.RequireBuiltDashboard();
        using var browser = HeadlessChromium.Start(1280, 900, Screenshots());
        var driver = browser.Driver;

        driver.Navigate().GoToUrl(new Uri(api.BaseAddress, "/graphql").ToString());
        WaitUntil(driver, () => driver.Url.EndsWith("/admin/explorer", StringComparison.Ordinal) && driver.FindElement(By.Name("email")).Displayed);
        driver.FindElement(By.Name("email")).SendKeys(DashboardApi.AdminEmail);
        driver.FindElement(By.Name("password")).SendKeys(DashboardApi.AdminPassword);
        driver.FindElement(By.CssSelector("button[type=submit]")).Click();

        WaitUntil(driver, () => driver.FindElements(By.CssSelector("[data-testid=explorer] .monaco-editor")).Count > 0);
        driver.FindElement(By.CssSelector(".graphiql-execute-button")).Click();
        WaitUntil(driver, () => driver.FindElement(By.CssSelector(".graphiql-response")).Text.Contains(DashboardApi.AdminEmail));
        Assert.That(driver.FindElement(By.CssSelector(".graphiql-response")).Text, Does.Contain("PLATFORM_ADMIN"));
        browser.Screenshot("explorer");
        Assert.That(browser.BrowserErrors().Where(e => e.Contains("Content Security Policy")), Is.Empty, "GraphiQL runs under the strict CSP");
    }

    private static void Click(IWebDriver driver, string testId) =>
        WaitFor(driver, () =>
        {
            var element = driver.FindElement(By.CssSelector($"[data-testid={testId}]"));
            if (!element.Displayed || !element.Enabled)
                return null;
            element.Click();
            return "clicked";
        });

    /// <summary>HOTSPOT_DASHBOARD_SCREENSHOTS (CI: TestResults/dashboard-screenshots, not committed), else the test's work folder.</summary>
    private static string Screenshots()
    {
        var folder = Environment.GetEnvironmentVariable("HOTSPOT_DASHBOARD_SCREENSHOTS");
        return string.IsNullOrWhiteSpace(folder)
            ? Path.Combine(TestContext.CurrentContext.WorkDirectory, "TestResults", "dashboard-screenshots")
            : folder;
    }
}
