using Hotspot.Domain.Purchases;
using Hotspot.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using static Hotspot.Tests.Browser.BrowserWaits;

namespace Hotspot.Tests.CaptivePortal;

/// <summary>
/// The portal in headless Chromium at 360 px against the real API on a real port, paying through the built-in
/// Daraja simulator (the phone number picks the outcome), logging in to a stand-in router.
/// </summary>
[Slow(TestCategories.Browser)]
[NonParallelizable]
public class PortalBrowserTests
{
    [Test]
    public async Task From_the_routers_login_page_a_paid_purchase_shows_the_voucher_and_posts_it_to_the_router_login()
    {
        using var browser = HeadlessChromium.Start(360, 740, PortalScreenshots.Folder);
        await using var router = await StandInRouter.StartAsync();
        await using var api = new PortalApi(kestrel: true);
        var organizationId = await api.DemoOrganizationIdAsync();
        router.PortalUrl = new Uri(api.BaseAddress, $"/portal/{organizationId}").ToString();
        Assert.That(router.RenderLoginPage(), Does.Not.Contain("$("), "login.html uses a router variable this stand-in does not fill in");
        var driver = browser.Driver;

        // The device asks the router for a page; the router's login.html (ours) hands it to the portal.
        driver.Navigate().GoToUrl(router.LoginUrl.ToString());
        WaitUntil(driver, () => driver.Url.StartsWith(router.PortalUrl + "?", StringComparison.Ordinal)
            && driver.FindElement(By.Id("screen-choose")).Displayed);
        Assert.That(driver.FindElement(By.Id("router-login")).GetAttribute("action"), Is.EqualTo(router.LoginUrl.ToString()));
        Assert.That(driver.ExecuteScript("return document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(360L), "no sideways scrolling at 360 px");
        browser.Screenshot("choose");

        ChoosePlan(driver, 10);
        driver.FindElement(By.Id("phone")).SendKeys("0708 374 149");
        Assert.That(driver.FindElement(By.Id("phone-hint")).Text, Is.EqualTo("M-Pesa prompt goes to 0708 374 149"));
        browser.Screenshot("filled");
        driver.FindElement(By.Id("pay")).Click();

        WaitUntil(driver, () => driver.FindElement(By.Id("screen-waiting")).Displayed);
        Assert.That(driver.FindElement(By.Id("waiting-amount")).Text, Is.EqualTo("KES 10"));
        Assert.That(driver.FindElement(By.Id("waiting-phone")).Text, Is.EqualTo("0708 374 149"));
        browser.Screenshot("waiting");

        // The router's page replaces the portal 1.2 s after the voucher shows: read it as soon as it is there.
        var shown = WaitFor(driver, () =>
        {
            if (!driver.Url.StartsWith(api.BaseAddress.ToString(), StringComparison.Ordinal))
                return "";
            var code = driver.FindElement(By.Id("voucher-code"));
            return driver.FindElement(By.Id("screen-done")).Displayed && code.Text.Length > 0 ? code.Text : null;
        });
        browser.Screenshot("voucher");

        var login = WaitFor(driver, () => router.Logins.TryPeek(out var posted) ? posted : null);
        WaitUntil(driver, () => driver.FindElements(By.Id("logged-in")).Count == 1);
        browser.Screenshot("router");

        await using var db = await api.Contexts.CreateDbContextAsync();
        var purchase = await db.Purchases.AsNoTracking().SingleAsync(p => p.OrganizationId == organizationId);
        var voucher = await db.Vouchers.AsNoTracking().SingleAsync(v => v.Id == purchase.VoucherId);
        Assert.That(purchase.Status, Is.EqualTo(PurchaseStatus.Paid));
        Assert.That(purchase.PhoneNumber, Is.EqualTo("254708374149"));
        Assert.That(purchase.MacAddress, Is.EqualTo(StandInRouter.Mac), "the device's MAC from the router went with the purchase");
        if (shown.Length > 0)
            Assert.That(shown, Is.EqualTo(voucher.Code), "the code shown big is the voucher");
        Assert.That(login.Username, Is.EqualTo(voucher.Code));
        Assert.That(login.Password, Is.EqualTo(voucher.Code));
        Assert.That(login.Dst, Is.EqualTo(StandInRouter.OriginalUrl));
        Assert.That(login.Mac, Is.EqualTo(StandInRouter.Mac));
        Assert.That(login.Ip, Is.EqualTo(StandInRouter.Ip));
        Assert.That(router.Logins, Has.Count.EqualTo(1), "one login, not a loop");
    }

    [Test]
    public async Task A_cancelled_payment_shows_the_reason_and_a_retry_button_that_goes_back_to_the_plans()
    {
        using var browser = HeadlessChromium.Start(360, 740, PortalScreenshots.Folder);
        await using var router = await StandInRouter.StartAsync();
        await using var api = new PortalApi(kestrel: true);
        var organizationId = await api.DemoOrganizationIdAsync();
        var driver = browser.Driver;

        driver.Navigate().GoToUrl(PortalUrl(api, organizationId, router));
        ChoosePlan(driver, 50);
        driver.FindElement(By.Id("phone")).SendKeys("254700000001");
        driver.FindElement(By.Id("pay")).Click();

        WaitUntil(driver, () => driver.FindElement(By.Id("screen-failed")).Displayed);
        browser.Screenshot("failed");
        Assert.That(driver.FindElement(By.Id("failure-reason")).Text, Does.Contain("cancelled"));
        var retry = driver.FindElement(By.Id("retry"));
        Assert.That(retry.Displayed, Is.True);
        Assert.That(router.Logins, Is.Empty);

        retry.Click();
        WaitUntil(driver, () => driver.FindElement(By.Id("screen-choose")).Displayed);
        Assert.That(driver.FindElement(By.Id("phone")).GetAttribute("value"), Is.EqualTo("254700000001"), "the number is kept for the retry");
        Assert.That(driver.FindElement(By.Id("screen-failed")).Displayed, Is.False);
    }

    [Test]
    public async Task A_portal_reopened_while_the_customer_pays_picks_the_purchase_up_and_still_logs_in()
    {
        using var browser = HeadlessChromium.Start(360, 740, PortalScreenshots.Folder);
        await using var router = await StandInRouter.StartAsync();
        await using var api = new PortalApi(kestrel: true);
        var organizationId = await api.DemoOrganizationIdAsync();
        var driver = browser.Driver;
        var portal = PortalUrl(api, organizationId, router);

        driver.Navigate().GoToUrl(portal);
        ChoosePlan(driver, 10);
        driver.FindElement(By.Id("phone")).SendKeys("254708374149");
        driver.FindElement(By.Id("pay")).Click();
        WaitUntil(driver, () => driver.FindElement(By.Id("screen-waiting")).Displayed);

        // The captive window closed for the M-Pesa PIN prompt; the router opens the portal again.
        driver.Navigate().GoToUrl("about:blank");
        driver.Navigate().GoToUrl(portal);

        var login = WaitFor(driver, () => router.Logins.TryPeek(out var posted) ? posted : null);
        await using var db = await api.Contexts.CreateDbContextAsync();
        var voucher = await db.Vouchers.AsNoTracking().SingleAsync();
        Assert.That(await db.Purchases.CountAsync(), Is.EqualTo(1), "no second purchase");
        Assert.That(login.Username, Is.EqualTo(voucher.Code));
        Assert.That(login.Password, Is.EqualTo(voucher.Code));
    }

    [Test]
    public async Task A_number_that_is_not_kenyan_is_hinted_in_the_page_and_refused_by_the_server_with_the_accepted_formats()
    {
        using var browser = HeadlessChromium.Start(360, 740, PortalScreenshots.Folder);
        await using var router = await StandInRouter.StartAsync();
        await using var api = new PortalApi(kestrel: true);
        var organizationId = await api.DemoOrganizationIdAsync();
        var driver = browser.Driver;

        driver.Navigate().GoToUrl(PortalUrl(api, organizationId, router));
        driver.FindElement(By.Id("pay")).Click();
        Assert.That(driver.FindElement(By.Id("pay-error")).Text, Is.EqualTo("Choose a plan first."));

        ChoosePlan(driver, 10);
        driver.FindElement(By.Id("phone")).SendKeys("0812 345 678");
        Assert.That(driver.FindElement(By.Id("phone-hint")).Text, Does.StartWith("Use 07XX XXX XXX"));
        driver.FindElement(By.Id("pay")).Click();

        WaitUntil(driver, () => driver.FindElement(By.Id("pay-error")).Displayed);
        browser.Screenshot("refused");
        Assert.That(driver.FindElement(By.Id("pay-error")).Text, Does.Contain("not a Kenyan mobile number").And.Contain("07XXXXXXXX"));
        Assert.That(driver.FindElement(By.Id("screen-choose")).Displayed, Is.True);
        await using var db = await api.Contexts.CreateDbContextAsync();
        Assert.That(await db.Purchases.CountAsync(), Is.Zero);
    }

    private static string PortalUrl(PortalApi api, Guid organizationId, StandInRouter router) =>
        new Uri(api.BaseAddress, $"/portal/{organizationId}?link-login-only={Uri.EscapeDataString(router.LoginUrl.ToString())}" +
            $"&mac={Uri.EscapeDataString(StandInRouter.Mac)}&ip={StandInRouter.Ip}&dst={Uri.EscapeDataString(StandInRouter.OriginalUrl)}").ToString();

    // The radio button itself is invisible (styled card): a customer taps the card, its label.
    private static void ChoosePlan(IWebDriver driver, long priceKes)
    {
        var input = driver.FindElement(By.CssSelector($"input[name=plan][data-price='{priceKes}']"));
        input.FindElement(By.XPath("..")).Click();
        Assert.That(input.Selected, Is.True);
    }
}
