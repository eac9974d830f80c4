using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>What the captive portal does: start a purchase, poll it.</summary>
internal static class Portal
{
    public static Task<HttpResponseMessage> PurchaseAsync(HttpClient client, Guid organizationId, Guid planId, string phone,
        string route = "/api/hotspot/purchase-voucher") =>
        client.PostAsJsonAsync(route, new { organizationId, planId, phoneNumber = phone });

    public static async Task<Guid> StartAsync(HttpClient client, Guid organizationId, Guid planId, string phone,
        string route = "/api/hotspot/purchase-voucher")
    {
        using var response = await PurchaseAsync(client, organizationId, planId, phone, route);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body);
        using var json = JsonDocument.Parse(body);
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("PENDING"));
        return json.RootElement.GetProperty("purchaseId").GetGuid();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid purchaseId)
    {
        using var response = await client.GetAsync($"/api/hotspot/purchases/{purchaseId}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    /// <summary>Polls until the purchase leaves PENDING (or the time is up) and returns its last state.</summary>
    public static async Task<JsonElement> WaitForOutcomeAsync(HttpClient client, Guid purchaseId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var purchase = await GetAsync(client, purchaseId);
            if (purchase.GetProperty("status").GetString() != "PENDING" || DateTime.UtcNow > deadline)
                return purchase;
            await Task.Delay(100);
        }
    }
}
