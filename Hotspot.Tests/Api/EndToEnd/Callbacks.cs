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

    public static string DarajaUrl(Guid organizationId, string token) => $"/api/payments/daraja/callback/{organizationId}/{token}";

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
