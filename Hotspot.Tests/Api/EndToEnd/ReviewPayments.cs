using System.Net;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// Payments that end up kept for review or unclaimed, made through the real callback routes: an STK success whose
/// amount differs from the purchase's price, a Kopo Kopo incoming payment of the wrong amount, and a C2B
/// confirmation (the customer paid the paybill directly, no purchase).
/// </summary>
internal static class ReviewPayments
{
    public const string Phone = "254712345678";

    public static string NewReceipt() => "R" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();

    /// <summary>An STK success of <paramref name="amountKes"/> for a pending purchase of another price: kept for review.</summary>
    public static async Task<Guid> MpesaWrongAmountAsync(BillingApi api, HttpClient client, Organization organization, long amountKes,
        string receipt, string phoneJson = Phone)
    {
        var checkout = "ws_CO_review_" + Guid.NewGuid().ToString("N");
        await PendingPurchaseAsync(api, organization.Id, checkout);
        using var response = await Callbacks.PostAsync(client, Callbacks.DarajaUrl(organization.Id, organization.DarajaCallbackToken),
            Callbacks.StkSuccess(checkout, amountKes, receipt, phoneJson));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await RowAsync(api, organization.Id, receipt, CallbackStatus.NeedsReview);
    }

    /// <summary>A signed Kopo Kopo incoming payment result of <paramref name="amountKes"/> for a pending purchase of another price.</summary>
    public static async Task<Guid> KopoKopoWrongAmountAsync(BillingApi api, HttpClient client, Organization organization, long amountKes, string receipt)
    {
        var requestId = Guid.NewGuid().ToString();
        await PendingPurchaseAsync(api, organization.Id, requestId);
        var body = $$"""
            {"data":{"id":"{{requestId}}","type":"incoming_payment","attributes":{"initiation_time":"2026-12-05T10:00:00.000+03:00",
            "status":"Success","event":{"type":"Incoming Payment Request","resource":{"id":"{{Guid.NewGuid()}}","reference":"{{receipt}}",
            "origination_time":"2026-12-05T10:00:05+03:00","sender_phone_number":"+{{Phone}}","amount":"{{amountKes}}.0","currency":"KES",
            "till_number":"K514459","system":"Lipa Na M-PESA","status":"Received","sender_first_name":"Jane","sender_middle_name":null,
            "sender_last_name":"Doe"},"errors":null},"metadata":{},"_links":{"callback_url":"https://hotspot.test/cb","self":"https://hotspot.test/self"} } } }
            """;
        using var response = await Callbacks.PostAsync(client, $"/api/payments/kopokopo/callback/{organization.Id}/incoming-payment", body,
            Callbacks.Sign(BillingSeed.KopoKopoApiKey, body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        await using var db = await api.Contexts.CreateDbContextAsync();
        return (await db.KopoKopoTransactions.AsNoTracking().SingleAsync(t => t.OrganizationId == organization.Id && t.Reference == receipt
            && t.Status == CallbackStatus.NeedsReview)).Id;
    }

    /// <summary>A C2B confirmation: money paid to the paybill that no purchase asked for.</summary>
    public static async Task<Guid> C2BConfirmationAsync(BillingApi api, HttpClient client, Organization organization, long amountKes, string receipt,
        string msisdn = Phone)
    {
        var body = $$"""
            {"TransactionType":"Pay Bill","TransID":"{{receipt}}","TransTime":"20261205101500","TransAmount":"{{amountKes}}.00",
            "BusinessShortCode":"174379","BillRefNumber":"wifi","InvoiceNumber":"","OrgAccountBalance":"","ThirdPartyTransID":"",
            "MSISDN":"{{msisdn}}","FirstName":"Jane","MiddleName":"","LastName":"Doe"}
            """;
        using var response = await Callbacks.PostAsync(client,
            $"/api/payments/daraja/c2b/{organization.Id}/{organization.DarajaCallbackToken}/confirmation", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        await using var db = await api.Contexts.CreateDbContextAsync();
        return (await db.MpesaTransactions.AsNoTracking().SingleAsync(t => t.OrganizationId == organization.Id && t.ReceiptNumber == receipt)).Id;
    }

    /// <summary>A pending purchase of the organization's cheapest plan on sale, as if its payment request had been sent.</summary>
    public static async Task<Purchase> PendingPurchaseAsync(BillingApi api, Guid organizationId, string providerRequestId)
    {
        await using var db = await api.Contexts.CreateDbContextAsync();
        var plan = await db.Plans.Where(p => p.OrganizationId == organizationId && p.IsActive).OrderBy(p => p.PriceKes).FirstAsync();
        var purchase = Purchase.Create(plan, KenyanPhoneNumber.Parse(Phone), null, PaymentMethodType.Mpesa, DateTime.UtcNow);
        purchase.RecordProviderRequest(providerRequestId, DateTime.UtcNow);
        db.Purchases.Add(purchase);
        await db.SaveChangesAsync();
        return purchase;
    }

    private static async Task<Guid> RowAsync(BillingApi api, Guid organizationId, string receipt, CallbackStatus status)
    {
        await using var db = await api.Contexts.CreateDbContextAsync();
        return (await db.MpesaTransactions.AsNoTracking()
            .SingleAsync(t => t.OrganizationId == organizationId && t.ReceiptNumber == receipt && t.Status == status)).Id;
    }
}
