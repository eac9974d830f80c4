using System.Net.Http.Headers;
using System.Text;
using Hotspot.Domain.Purchases;
using Hotspot.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using static Hotspot.Tests.Browser.BrowserWaits;

namespace Hotspot.Tests.CaptivePortal;

/// <summary>
/// "I already paid" in headless Chromium at 360 px: a customer who paid the hotspot's paybill directly (a C2B
/// confirmation reaches the API's real route, with Daraja's masked number) types the M-Pesa code and the number that
/// paid, sees the voucher of the dearest plan the payment covers, and is logged in to the stand-in router.
/// </summary>
[Slow(TestCategories.Browser)]
[NonParallelizable]
public class PortalClaimBrowserTests
{
    [Test]
    public async Task A_customer_who_paid_the_paybill_gets_the_code_with_the_mpesa_receipt_and_is_logged_in()
    {
        using var browser = HeadlessChromium.Start(360, 740, PortalScreenshots.Folder);
        await using var router = await StandInRouter.StartAsync();
        await using var api = new PortalApi(kestrel: true);
        var organizationId = await api.DemoOrganizationIdAsync();
        var receipt = "TK" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await PostC2BConfirmationAsync(api, organizationId, receipt, amountKes: 60, msisdn: "2547 ***** 149");
        var driver = browser.Driver;

        driver.Navigate().GoToUrl(new Uri(api.BaseAddress, $"/portal/{organizationId}?link-login-only={Uri.EscapeDataString(router.LoginUrl.ToString())}" +
            $"&mac={Uri.EscapeDataString(StandInRouter.Mac)}&ip={StandInRouter.Ip}&dst={Uri.EscapeDataString(StandInRouter.OriginalUrl)}").ToString());
        WaitUntil(driver, () => driver.FindElement(By.Id("screen-choose")).Displayed);
        driver.FindElement(By.Id("show-claim")).Click();
        WaitUntil(driver, () => driver.FindElement(By.Id("screen-claim")).Displayed);
        Assert.That(driver.FindElement(By.Id("screen-choose")).Displayed, Is.False);
        Assert.That(driver.ExecuteScript("return document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(360L), "no sideways scrolling at 360 px");

        // A wrong code says so and stays on the form.
        driver.FindElement(By.Id("receipt")).SendKeys("TKWRONG123");
        driver.FindElement(By.Id("claim-phone")).SendKeys("0708 374 149");
        driver.FindElement(By.Id("claim")).Click();
        WaitUntil(driver, () => driver.FindElement(By.Id("claim-error")).Displayed);
        Assert.That(driver.FindElement(By.Id("claim-error")).Text, Does.StartWith("No payment matches this receipt and phone number."));
        browser.Screenshot("claim-refused");

        driver.FindElement(By.Id("receipt")).Clear();
        driver.FindElement(By.Id("receipt")).SendKeys(receipt.ToLowerInvariant()[..5] + " " + receipt.ToLowerInvariant()[5..]);
        browser.Screenshot("claim-filled");
        driver.FindElement(By.Id("claim")).Click();

        // The router's page replaces the portal 1.2 s after the voucher shows: read it as soon as it is there.
        var shown = WaitFor(driver, () =>
        {
            if (!driver.Url.StartsWith(api.BaseAddress.ToString(), StringComparison.Ordinal))
                return "";
            var code = driver.FindElement(By.Id("voucher-code"));
            return driver.FindElement(By.Id("screen-done")).Displayed && code.Text.Length > 0 ? code.Text : null;
        });
        browser.Screenshot("claim-voucher");
        var login = WaitFor(driver, () => router.Logins.TryPeek(out var posted) ? posted : null);

        await using var db = await api.Contexts.CreateDbContextAsync();
        var purchase = await db.Purchases.AsNoTracking().SingleAsync(p => p.OrganizationId == organizationId && p.ProviderReceipt == receipt);
        var voucher = await db.Vouchers.AsNoTracking().SingleAsync(v => v.Id == purchase.VoucherId);
        Assert.That(purchase.Status, Is.EqualTo(PurchaseStatus.Paid));
        Assert.That(purchase.AmountKes, Is.EqualTo(50), "60 KES buys the 1 day plan (50 KES); 10 KES stay in review");
        Assert.That(purchase.PhoneNumber, Is.EqualTo("254708374149"));
        if (shown.Length > 0)
            Assert.That(shown, Is.EqualTo(voucher.Code), "the code shown big is the voucher");
        Assert.That(login.Username, Is.EqualTo(voucher.Code));
        Assert.That(login.Password, Is.EqualTo(voucher.Code));
        Assert.That(login.Mac, Is.EqualTo(StandInRouter.Mac));
        Assert.That(router.Logins, Has.Count.EqualTo(1), "one login, not a loop");
    }

    /// <summary>What Daraja posts when a customer pays the paybill without an STK prompt.</summary>
    private static async Task PostC2BConfirmationAsync(PortalApi api, Guid organizationId, string receipt, long amountKes, string msisdn)
    {
        string token;
        await using (var db = await api.Contexts.CreateDbContextAsync())
            token = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.DarajaCallbackToken).SingleAsync();
        var body = $$"""
            {"TransactionType":"Pay Bill","TransID":"{{receipt}}","TransTime":"20261205101500","TransAmount":"{{amountKes}}.00",
            "BusinessShortCode":"174379","BillRefNumber":"wifi","InvoiceNumber":"","OrgAccountBalance":"","ThirdPartyTransID":"",
            "MSISDN":"{{msisdn}}","FirstName":"Jane","MiddleName":"","LastName":"Doe"}
            """;
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync($"/api/payments/daraja/c2b/{organizationId}/{token}/confirmation", content);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }
}
