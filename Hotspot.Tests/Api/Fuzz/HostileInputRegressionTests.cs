using System.Text;
using System.Text.Json;
using Hotspot.Domain.Transactions;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Api.Fuzz;

/// <summary>
/// The hostile inputs of issue #10 that once answered 500, each through its real route: now a precise 4xx (or a
/// RADIUS reject), with a money callback's raw body kept for review.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class HostileInputRegressionTests(DatabaseProvider provider) : HostileInputFixture(provider)
{
    private const string LoneSurrogateKeyBody = """{"\ud800organizationId":"x"}""";
    private static readonly byte[] InvalidUtf8InValue = [.. "{\"User-Name\":{\"type\":\"string\",\"value\":[\"AB"u8, 0xFF, 0xFE, .. "\"]}}"u8];

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!)
    {
        ["Payments:ReconcilerEnabled"] = "false", // nothing logs in the background while a test counts log lines
    };

    [TestCase("/api/hotspot/purchase-voucher")]
    [TestCase("/api/hotspot/purchase-voucher-kopokopo")]
    public async Task A_lone_surrogate_in_a_key_of_a_purchase_is_a_400_that_says_so(string route)
    {
        var (status, body) = await SendAsync("POST", route, Encoding.UTF8.GetBytes(LoneSurrogateKeyBody));

        Assert.That(status, Is.EqualTo(400), body);
        using var problem = JsonDocument.Parse(body);
        Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain("surrogate"));
        Assert.That(problem.RootElement.GetProperty("code").GetString(), Is.EqualTo("VALIDATION"));
    }

    [Test]
    public async Task A_lone_surrogate_in_a_purchase_value_is_a_400()
    {
        var body = $$"""{"organizationId":"{{Organization.Id}}","planId":"{{Plan.Id}}","phoneNumber":"07\udc0008374149"}""";

        var (status, answer) = await SendAsync("POST", "/api/hotspot/purchase-voucher", Encoding.UTF8.GetBytes(body));

        Assert.That(status, Is.EqualTo(400), answer);
        Assert.That(answer, Does.Contain("surrogate"));
    }

    [TestCase("buygoods")]
    [TestCase("incoming-payment")]
    [TestCase("send-money")]
    public async Task A_signed_kopokopo_callback_with_a_lone_surrogate_key_is_a_400_and_kept_raw_for_review(string callbackType)
    {
        var marker = Guid.NewGuid().ToString("N");
        var body = $$"""{"\ud800topic":"buygoods_transaction_received","id":"{{marker}}"}""";

        var (status, answer) = await SendAsync("POST", $"/api/payments/kopokopo/callback/{Organization.Id}/{callbackType}", Encoding.UTF8.GetBytes(body));

        Assert.That(status, Is.EqualTo(400), answer);
        Assert.That(answer, Does.Contain("MALFORMED_CALLBACK"));
        var kept = await KopoKopoRowAsync(marker);
        Assert.That(kept.RawBody, Is.EqualTo(body));
        Assert.That(kept.Status, Is.EqualTo(CallbackStatus.NeedsReview));
        Assert.That(kept.ReviewReason, Does.Contain("surrogate"));
    }

    [TestCase("""{"data":{"id":"MARKER","type":"send_money","attributes":{"status":"Processed","transfer_batches":[null]}}}""", "transfer batch")]
    [TestCase("""{"data":{"id":"MARKER","type":"incoming_payment","attributes":{"status":"Success","event":{"resource":{"reference":"R\u0000","amount":"20"}}}}}""", "NUL")]
    [TestCase("""{"data":{"id":"MARKER","type":"polling","attributes":{"status":"Success","transactions":[null]}}}""", "no resource")]
    public async Task A_signed_kopokopo_result_with_a_null_or_nul_inside_is_a_400_and_kept_raw(string template, string reason)
    {
        var marker = Guid.NewGuid().ToString("N");
        var body = template.Replace("MARKER", marker);

        var (status, answer) = await SendAsync("POST", $"/api/payments/kopokopo/callback/{Organization.Id}/send-money", Encoding.UTF8.GetBytes(body));

        Assert.That(status, Is.EqualTo(400), answer);
        var kept = await KopoKopoRowAsync(marker);
        Assert.That(kept.RawBody, Is.EqualTo(body));
        Assert.That(kept.ReviewReason, Does.Contain(reason));
    }

    [TestCase("callback/{0}/{1}")]
    [TestCase("c2b/{0}/{1}/validation")]
    [TestCase("c2b/{0}/{1}/confirmation")]
    [TestCase("b2c/{0}/{1}/result")]
    [TestCase("b2c/{0}/{1}/timeout")]
    public async Task A_daraja_callback_with_a_lone_surrogate_key_is_a_400_and_kept_raw_for_review(string route)
    {
        var marker = Guid.NewGuid().ToString("N");
        var body = $$"""{"\ud800Body":{"marker":"{{marker}}"} }""";
        var url = "/api/payments/daraja/" + string.Format(route, Organization.Id, Organization.DarajaCallbackToken);

        var (status, answer) = await SendAsync("POST", url, Encoding.UTF8.GetBytes(body));

        Assert.That(status, Is.EqualTo(400), answer);
        Assert.That(answer, Is.EqualTo("""{"ResultCode":1,"ResultDesc":"Malformed callback"}"""));
        var kept = await MpesaRowAsync(marker);
        Assert.That(kept.RawBody, Is.EqualTo(body));
        Assert.That(kept.Status, Is.EqualTo(CallbackStatus.NeedsReview));
        Assert.That(kept.ReviewReason, Does.Contain("surrogate"));
    }

    [TestCase("""{"Name":"Amount","Value":20},null""", "null CallbackMetadata item")]
    [TestCase("""{"Name":"Amount","Value":1e400},{"Name":"MpesaReceiptNumber","Value":"THX0002"}""", "Amount")]
    public async Task An_stk_callback_with_odd_items_is_a_400_and_kept_raw(string items, string reason)
    {
        var marker = "ws_CO_" + Guid.NewGuid().ToString("N");
        var body = $$"""{"Body":{"stkCallback":{"MerchantRequestID":"m","CheckoutRequestID":"{{marker}}","ResultCode":0,"ResultDesc":"ok","CallbackMetadata":{"Item":[{{items}}]} } } }""";

        var (status, answer) = await SendAsync("POST", $"/api/payments/daraja/callback/{Organization.Id}/{Organization.DarajaCallbackToken}", Encoding.UTF8.GetBytes(body));

        Assert.That(status, Is.EqualTo(400), answer);
        Assert.That((await MpesaRowAsync(marker)).ReviewReason, Does.Contain(reason));
    }

    [Test]
    public async Task An_stk_timestamp_before_the_first_utc_instant_is_no_date_not_a_500()
    {
        // 0001-01-01 00:00:00 in East Africa Time is before DateTimeOffset.MinValue in UTC.
        var body = $$"""
            {"Body":{"stkCallback":{"MerchantRequestID":"m","CheckoutRequestID":"ws_CO_{{Guid.NewGuid():N}}","ResultCode":0,"ResultDesc":"ok",
            "CallbackMetadata":{"Item":[{"Name":"Amount","Value":20},{"Name":"MpesaReceiptNumber","Value":"THX0001"},{"Name":"TransactionDate","Value":"00010101000000"}]} } } }
            """;

        var (status, answer) = await SendAsync("POST", $"/api/payments/daraja/callback/{Organization.Id}/{Organization.DarajaCallbackToken}", Encoding.UTF8.GetBytes(body));

        Assert.That(status, Is.LessThan(500), answer);
    }

    [Test]
    public async Task A_lone_surrogate_attribute_name_at_radius_authorize_is_a_400()
    {
        var body = $$"""{"\ud800User-Name":{"type":"string","value":["{{Voucher.Code}}"]},"NAS-Identifier":{"type":"string","value":["{{Router.NasIdentifier}}"]} }""";

        var (status, answer) = await SendAsync("POST", "/api/radius/authorize", Encoding.UTF8.GetBytes(body));

        Assert.That(status, Is.EqualTo(400), answer);
        Assert.That(answer, Does.Contain("surrogate"));
    }

    [TestCase("authorize")]
    [TestCase("authenticate")]
    [TestCase("accounting")]
    [TestCase("post-auth")]
    public async Task Invalid_utf8_in_a_radius_user_name_is_a_400(string route)
    {
        var (status, answer) = await SendAsync("POST", "/api/radius/" + route, InvalidUtf8InValue);

        Assert.That(status, Is.EqualTo(400), answer);
        Assert.That(answer, Does.Contain("UTF-8"));
    }

    [TestCase("Acct-Input-Gigawords", "99999999999")]
    [TestCase("Acct-Output-Gigawords", "4294967296")]
    [TestCase("Acct-Input-Octets", "4294967296")]
    [TestCase("Acct-Output-Octets", "-1")]
    [TestCase("Acct-Session-Time", "1e3")]
    [TestCase("Acct-Input-Gigawords", "\"12x\"")]
    public async Task A_counter_outside_its_radius_range_is_a_400_that_names_it(string attribute, string json)
    {
        var (status, answer) = await SendAsync("POST", "/api/radius/accounting", Accounting($"\"{attribute}\":{{\"type\":\"integer\",\"value\":[{json}]}}"));

        Assert.That(status, Is.EqualTo(400), answer);
        Assert.That(answer, Does.Contain(attribute).And.Contain("4294967295"));
    }

    [TestCase("Acct-Input-Gigawords")]
    [TestCase("Acct-Output-Gigawords")]
    public async Task Gigawords_above_two_to_the_20_are_refused_as_more_than_a_session_carries(string attribute)
    {
        var (status, answer) = await SendAsync("POST", "/api/radius/accounting", Accounting($"\"{attribute}\":{{\"type\":\"integer\",\"value\":[1048577]}}"));

        Assert.That(status, Is.EqualTo(400), answer);
        Assert.That(answer, Does.Contain(attribute));
    }

    [Test]
    public async Task The_largest_counters_allowed_are_recorded()
    {
        var (status, answer) = await SendAsync("POST", "/api/radius/accounting", Accounting(
            "\"Acct-Input-Octets\":{\"type\":\"integer\",\"value\":[4294967295]},\"Acct-Input-Gigawords\":{\"type\":\"integer\",\"value\":[1048576]}," +
            "\"Acct-Output-Octets\":{\"type\":\"integer\",\"value\":[4294967295]},\"Acct-Output-Gigawords\":{\"type\":\"integer\",\"value\":[1048576]}," +
            "\"Acct-Session-Time\":{\"type\":\"integer\",\"value\":[4294967295]}"));

        Assert.That(status, Is.EqualTo(204), answer);
    }

    [TestCase("{")]
    [TestCase("[]")]
    [TestCase("""{"\ud800organizationId":"x"}""")]
    [TestCase("""{"organizationId":5,"amountKes":"100"}""")]
    [TestCase("""{"organizationId":"ORG","phoneNumber":"254708374149","amountKes":1e400,"reason":"x"}""")]
    [TestCase("""{"organizationId":"ORG","phoneNumber":"254708374149","amountKes":100.5,"reason":"x"}""")]
    [TestCase("""{"organizationId":"ORG","phoneNumber":["254708374149"],"amountKes":100,"reason":"x"}""")]
    public async Task A_malformed_pay_body_is_a_400_problem_logged_in_at_most_one_quiet_line(string template)
    {
        var before = Logs.Entries.Count;

        var (status, answer) = await SendAsync("POST", "/api/payments/kopokopo/pay", Encoding.UTF8.GetBytes(template.Replace("ORG", Organization.Id.ToString())));

        Assert.That(status, Is.EqualTo(400), answer);
        using var problem = JsonDocument.Parse(answer);
        Assert.That(problem.RootElement.GetProperty("code").GetString(), Is.EqualTo("VALIDATION"));
        Assert.That(problem.RootElement.GetProperty("detail").GetString(), Is.Not.Empty);
        var logged = Logs.Entries.Skip(before).ToList();
        Assert.That(logged, Has.Count.LessThanOrEqualTo(1), string.Join("\n", logged));
        Assert.That(logged, Has.All.Matches<LogEntry>(e => e.Level <= LogLevel.Warning && e.Exception is null), string.Join("\n", logged));
    }

    [TestCase("/api/hotspot/purchase-voucher")]
    [TestCase("/api/payments/kopokopo/pay")]
    [TestCase("/api/radius/authorize")]
    [TestCase("/api/payments/kopokopo/callback/{0}/buygoods")]
    [TestCase("/api/payments/daraja/callback/{0}/{1}")]
    [TestCase("/graphql")]
    public async Task Invalid_utf8_in_a_body_is_a_400_anywhere(string route)
    {
        byte[] body = [.. "{\"query\":\"{ me { email } }\",\"variables\":{\"id\":\""u8, 0xC0, 0x80, .. "\"}}"u8];
        var url = string.Format(route, Organization.Id, Organization.DarajaCallbackToken);

        var (status, answer) = await SendAsync("POST", url, body);

        Assert.That(status, Is.EqualTo(400), answer);
    }

    [TestCase("""{"query":"query($id: ID!) { organization(id: $id) { id } }","variables":{"id":"\ud800"}}""")]
    [TestCase("""{"query":"query($id: ID!) { organization(id: $id) { id } }","variables":{"\udfffid":"x"}}""")]
    public async Task A_lone_surrogate_in_graphql_variables_is_a_400(string body)
    {
        var (status, answer) = await SendAsync("POST", "/graphql", Encoding.UTF8.GetBytes(body));

        Assert.That(status, Is.EqualTo(400), answer);
        Assert.That(Logs.Errors, Is.Empty);
    }

    [TestCase("/api/payments/kopokopo/callback/{0}/buygoods")]
    [TestCase("/api/payments/daraja/callback/{0}/{1}")]
    [TestCase("/api/hotspot/purchase-voucher")]
    public async Task A_raw_nul_byte_is_a_400_not_a_database_error(string route)
    {
        var url = string.Format(route, Organization.Id, Organization.DarajaCallbackToken);

        var (status, answer) = await SendAsync("POST", url, "{\"a\":1}\0"u8.ToArray());

        Assert.That(status, Is.EqualTo(400), answer);
        Assert.That(answer, Does.Contain("NUL"));
    }

    private byte[] Accounting(string extraAttribute) => Encoding.UTF8.GetBytes($$"""
        {"Acct-Status-Type":{"type":"integer","value":["Interim-Update"]},"User-Name":{"type":"string","value":["{{Voucher.Code}}"]},
        "Acct-Session-Id":{"type":"string","value":["regression-{{Guid.NewGuid():N}}"]},"NAS-Identifier":{"type":"string","value":["{{Router.NasIdentifier}}"]},
        {{extraAttribute}}}
        """);

    private async Task<KopoKopoTransaction> KopoKopoRowAsync(string marker)
    {
        await using var db = await Api.Contexts.CreateDbContextAsync();
        return await db.KopoKopoTransactions.AsNoTracking().SingleAsync(t => t.OrganizationId == Organization.Id && t.RawBody.Contains(marker));
    }

    private async Task<MpesaTransaction> MpesaRowAsync(string marker)
    {
        await using var db = await Api.Contexts.CreateDbContextAsync();
        return await db.MpesaTransactions.AsNoTracking().SingleAsync(t => t.OrganizationId == Organization.Id && t.RawBody.Contains(marker));
    }
}
