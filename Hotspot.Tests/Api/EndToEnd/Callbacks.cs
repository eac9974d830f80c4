using System.Net.Http.Headers;
using System.Text;
using Hotspot.Providers.KopoKopo;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>Provider callbacks built by hand, as Daraja and Kopo Kopo would post them.</summary>
internal static class Callbacks
{
    /// <param name="phoneNumberJson">The PhoneNumber item's JSON value: Daraja sends a number; a masked one would be a string.</param>
    public static string StkSuccess(string checkoutRequestId, long amount, string receipt, string phoneNumberJson = "254712345678") => $$"""
        {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"{{checkoutRequestId}}","ResultCode":0,
        "ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[{"Name":"Amount","Value":{{amount}} },
        {"Name":"MpesaReceiptNumber","Value":"{{receipt}}"},{"Name":"TransactionDate","Value":20261123101500},{"Name":"PhoneNumber","Value":{{phoneNumberJson}}} ] } } } }
        """;

    public static string StkFailure(string checkoutRequestId, int code, string description) => $$"""
        {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"{{checkoutRequestId}}","ResultCode":{{code}},"ResultDesc":"{{description}}" } } }
        """;

    public static string C2BConfirmation(string receipt, long amount, string msisdn = "2547 ***** 678") => $$"""
        {"TransactionType":"Pay Bill","TransID":"{{receipt}}","TransTime":"20261123101500","TransAmount":"{{amount}}.00","BusinessShortCode":"174379",
        "BillRefNumber":"wifi","InvoiceNumber":"","OrgAccountBalance":"25.00","ThirdPartyTransID":"","MSISDN":"{{msisdn}}","FirstName":"JANE","MiddleName":"","LastName":""}
        """;

    /// <summary>Kopo Kopo's result of an incoming payment (STK push through Kopo Kopo), in its documented shape.</summary>
    public static string KopoKopoIncomingPaymentSuccess(string paymentId, string reference, string amount, string currency = "KES") => $$"""
        {"data":{"id":"{{paymentId}}","type":"incoming_payment","attributes":{"initiation_time":"2026-11-23T09:24:48.622+03:00","status":"Success",
        "event":{"type":"Incoming Payment Request","resource":{"id":"r-{{reference}}","reference":"{{reference}}","origination_time":"2026-11-23T09:24:54+03:00",
        "sender_phone_number":"+254712345678","amount":"{{amount}}","currency":"{{currency}}","till_number":"K514459","system":"Lipa Na M-PESA","status":"Received",
        "sender_first_name":"Joe","sender_middle_name":null,"sender_last_name":"Buyer"},"errors":null},"metadata":{},
        "_links":{"callback_url":"https://example.com/cb","self":"https://sandbox.kopokopo.com/api/v1/incoming_payments/{{paymentId}}"} } } }
        """;

    /// <summary>Kopo Kopo's till webhook for the same money, in its documented shape.</summary>
    public static string KopoKopoBuygoodsReceived(string eventId, string reference, string amount) => $$"""
        {"topic":"buygoods_transaction_received","id":"{{eventId}}","created_at":"2026-11-23T10:43:20+03:00","event":{"type":"Buygoods Transaction",
        "resource":{"id":"t-{{reference}}","amount":"{{amount}}","status":"Received","system":"Lipa Na M-PESA","currency":"KES","reference":"{{reference}}",
        "till_number":"K514459","sender_phone_number":"+254712345678","origination_time":"2026-11-23T10:43:19+03:00","sender_last_name":"Buyer",
        "sender_first_name":"Joe","sender_middle_name":null} },"_links":{"self":"https://sandbox.kopokopo.com/webhook_events/{{eventId}}"} }
        """;

    public static string DarajaUrl(Guid organizationId, string token) => $"/api/payments/daraja/callback/{organizationId}/{token}";

    public static string C2BConfirmationUrl(Guid organizationId, string token) => $"/api/payments/daraja/c2b/{organizationId}/{token}/confirmation";

    public static string KopoKopoUrl(Guid organizationId, string callbackType) => $"/api/payments/kopokopo/callback/{organizationId}/{callbackType}";

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string body, string? kopoKopoSignature = null)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (kopoKopoSignature is not null)
            request.Headers.TryAddWithoutValidation(KopoKopoSignature.HeaderName, kopoKopoSignature);
        return client.SendAsync(request);
    }

    public static string Sign(string apiKey, string body) => KopoKopoSignature.Compute(apiKey, Encoding.UTF8.GetBytes(body));
}
