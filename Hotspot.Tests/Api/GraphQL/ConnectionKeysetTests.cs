using System.Text;
using System.Text.Json.Nodes;
using Hotspot.Api.GraphQL;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Vouchers;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Api.GraphQL;

/// <summary>
/// Keyset cursors over every connection of <c>Organization</c>, through /graphql: pages read forwards and backwards
/// equal one big page in the requested order (nullable and repeated keys included), pageInfo is exact, rows added
/// between two page requests neither repeat nor vanish, and a cursor that is not ours is a VALIDATION error.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class ConnectionKeysetTests(DatabaseProvider provider)
{
    private static readonly DateTime Start = new(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc);

    private AdminApi _api = null!;
    private string _admin = null!;
    private string _org = null!;
    private Plan[] _plans = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await AdminApi.StartAsync(provider);
        _admin = await _api.LoginAsync(AdminApi.AdminEmail, AdminApi.AdminPassword);
        _org = (await _api.PostAsync("mutation { createOrganization(input: { name: \"Keyset ISP\" }) { id } }", token: _admin))
            ["data"]!["createOrganization"]!["id"]!.GetValue<string>();
        var organizationId = Guid.Parse(_org);
        await using var db = await ContextsAsync();
        // Prices and creation times repeat, so the id must break ties.
        _plans = Enumerable.Range(0, 11)
            .Select(i => Plan.Create(organizationId, new PlanSettings($"P{i:00}", 10 + 10 * (i % 4), TimeSpan.FromHours(1)), Start.AddMinutes(i / 3)))
            .ToArray();
        _plans[5].Archive(Start);
        _plans[9].Archive(Start);
        db.Plans.AddRange(_plans);
        for (var i = 0; i < 13; i++)
        {
            var voucher = Voucher.IssueUnused(_plans[i % 3], VoucherCodeGenerator.ForPurchase(), VoucherSource.Batch, null, Start.AddMinutes(i / 4));
            if (i % 4 == 1) voucher.Activate(Start.AddHours(i % 3));
            if (i % 5 == 2) voucher.Revoke(Start.AddHours(2));
            db.Vouchers.Add(voucher);
        }
        for (var i = 0; i < 17; i++)
        {
            var purchase = Purchase.Create(_plans[i % 4], KenyanPhoneNumber.Parse($"07123456{i % 6:00}"), null, PaymentMethodType.Mpesa, Start.AddMinutes(i / 2));
            if (i % 3 == 0) purchase.Settle(purchase.AmountKes, $"RK{i:D8}", Start.AddHours(i % 4));
            if (i % 3 == 1) purchase.Fail("Cancelled", Start.AddHours(1));
            db.Purchases.Add(purchase);
        }
        for (var i = 0; i < 14; i++)
        {
            db.MpesaTransactions.Add(MpesaTransaction.Receive(organizationId, MpesaTransactionKind.StkCallback, $"{{\"n\":{i}}}", Start.AddSeconds(i / 3),
                checkoutRequestId: $"ws_CO_{i}", amountKes: i % 4 == 0 ? null : 10 * (i % 3)));
            db.KopoKopoTransactions.Add(KopoKopoTransaction.Receive(organizationId, KopoKopoTransactionType.BuyGoods, $"{{\"n\":{i}}}", Start.AddSeconds(i / 2),
                eventId: $"ev-{i}", amountKes: i % 5 == 0 ? null : 10 * (i % 2)));
        }
        await db.SaveChangesAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    private Task<HotspotDbContext> ContextsAsync() =>
        _api.Api.Services.GetRequiredService<IDbContextFactory<HotspotDbContext>>().CreateDbContextAsync();

    public static IEnumerable<TestCaseData> Orders()
    {
        yield return new TestCaseData("plans", "priceKes name isActive createdAt", "[{ priceKes: DESC }]");
        yield return new TestCaseData("plans", "priceKes name isActive createdAt", "[{ isActive: ASC }, { priceKes: ASC }]");
        yield return new TestCaseData("plans", "priceKes name isActive createdAt", "[{ createdAt: ASC }]");
        yield return new TestCaseData("vouchers", "code status createdAt expiresAt", "[{ expiresAt: ASC }]");
        yield return new TestCaseData("vouchers", "code status createdAt expiresAt", "[{ expiresAt: DESC }]");
        yield return new TestCaseData("vouchers", "code status createdAt expiresAt", "[{ status: DESC }, { code: ASC }]");
        yield return new TestCaseData("purchases", "amountKes status phoneNumber createdAt paidAt", "[{ paidAt: ASC }]");
        yield return new TestCaseData("purchases", "amountKes status phoneNumber createdAt paidAt", "[{ paidAt: DESC }, { amountKes: ASC }]");
        yield return new TestCaseData("purchases", "amountKes status phoneNumber createdAt paidAt", "[{ status: ASC }, { phoneNumber: DESC }]");
        yield return new TestCaseData("purchases", "amountKes status phoneNumber createdAt paidAt", null);
        yield return new TestCaseData("mpesaTransactions", "amountKes receivedAt", "[{ amountKes: ASC }]");
        yield return new TestCaseData("mpesaTransactions", "amountKes receivedAt", "[{ amountKes: DESC }]");
        yield return new TestCaseData("mpesaTransactions", "amountKes receivedAt", null);
        yield return new TestCaseData("kopokopoTransactions", "amountKes receivedAt", "[{ amountKes: ASC }, { receivedAt: DESC }]");
        yield return new TestCaseData("kopokopoTransactions", "amountKes receivedAt", null);
    }

    [TestCaseSource(nameof(Orders))]
    public async Task Pages_forwards_and_backwards_equal_one_page_in_order(string connection, string fields, string? order)
    {
        var all = await PageAsync(connection, fields, order, new { first = 50 });
        var total = all["totalCount"]!.GetValue<int>();
        var expected = Ids(all);
        Assert.That(expected, Has.Count.EqualTo(total).And.Count.GreaterThan(10));
        Assert.That(expected, Is.Unique);
        AssertOrdered(connection, all["nodes"]!.AsArray(), order ?? (connection.Contains("Transactions") ? "[{ receivedAt: DESC }]" : "[{ createdAt: DESC }]"));
        Assert.That(all["pageInfo"]!["hasNextPage"]!.GetValue<bool>() || all["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>(), Is.False);

        foreach (var size in new[] { 1, 3, 4 })
        {
            var forward = new List<string>();
            string? after = null;
            for (var page = 0; ; page++)
            {
                var result = await PageAsync(connection, fields, order, new { first = size, after });
                forward.AddRange(Ids(result));
                Assert.That(result["totalCount"]!.GetValue<int>(), Is.EqualTo(total));
                Assert.That(result["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>(), Is.EqualTo(page > 0));
                Assert.That(result["edges"]!.AsArray().Select(e => e!["cursor"]!.GetValue<string>()).Last(),
                    Is.EqualTo(result["pageInfo"]!["endCursor"]!.GetValue<string>()));
                if (!result["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
                after = result["pageInfo"]!["endCursor"]!.GetValue<string>();
            }
            Assert.That(forward, Is.EqualTo(expected), $"forwards by {size}");

            var backward = new List<string>();
            string? before = null;
            for (var page = 0; ; page++)
            {
                var result = await PageAsync(connection, fields, order, new { last = size, before });
                backward.InsertRange(0, Ids(result));
                Assert.That(result["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), Is.EqualTo(page > 0));
                if (!result["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>()) break;
                before = result["pageInfo"]!["startCursor"]!.GetValue<string>();
            }
            Assert.That(backward, Is.EqualTo(expected), $"backwards by {size}");
        }

        // A window between two cursors, and first with last inside it.
        var cursors = all["edges"]!.AsArray().Select(e => e!["cursor"]!.GetValue<string>()).ToList();
        var between = await PageAsync(connection, fields, order, new { first = 5, last = 2, after = cursors[1], before = cursors[8] });
        Assert.That(Ids(between), Is.EqualTo(expected.Skip(5).Take(2)));
        Assert.That(between["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>(), Is.True);
        Assert.That(between["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Rows_added_between_pages_are_neither_repeated_nor_skipped()
    {
        const string order = "[{ amountKes: ASC }]";
        var before = Ids(await PageAsync("purchases", "amountKes", order, new { first = 50 }));
        var first = await PageAsync("purchases", "amountKes", order, new { first = 4 });
        var seen = Ids(first);
        Assert.That(first["nodes"]!.AsArray().Last()!["amountKes"]!.GetValue<long>(), Is.EqualTo(10), "the page ends inside a run of equal amounts");

        // One purchase sorts before the page's end (an offset cursor would repeat a row), one after it.
        Purchase cheap, dear;
        await using (var db = await ContextsAsync())
        {
            var cheapPlan = Plan.Create(Guid.Parse(_org), new PlanSettings("Cheap", 5, TimeSpan.FromHours(1)), Start);
            db.Plans.Add(cheapPlan);
            cheap = Purchase.Create(cheapPlan, KenyanPhoneNumber.Parse("0799000001"), null, PaymentMethodType.Mpesa, Start.AddDays(1));
            dear = Purchase.Create(_plans[3], KenyanPhoneNumber.Parse("0799000002"), null, PaymentMethodType.Mpesa, Start.AddDays(1));
            db.Purchases.AddRange(cheap, dear);
            await db.SaveChangesAsync();
        }
        try
        {
            var after = first["pageInfo"]!["endCursor"]!.GetValue<string>();
            while (true)
            {
                var result = await PageAsync("purchases", "amountKes", order, new { first = 3, after });
                seen.AddRange(Ids(result));
                if (!result["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
                after = result["pageInfo"]!["endCursor"]!.GetValue<string>();
            }
            Assert.That(seen, Is.Unique);
            Assert.That(seen, Is.EquivalentTo(before.Append(dear.Id.ToString())));

            // The dashboard's newest-first transaction list: a callback arriving meanwhile does not shift the pages.
            var shown = new List<string>();
            var page = await PageAsync("mpesaTransactions", "receivedAt", null, new { first = 4 });
            shown.AddRange(Ids(page));
            await using (var db = await ContextsAsync())
            {
                db.MpesaTransactions.Add(MpesaTransaction.Receive(Guid.Parse(_org), MpesaTransactionKind.StkCallback, "{}", Start.AddDays(2), checkoutRequestId: "ws_CO_new"));
                await db.SaveChangesAsync();
            }
            var rest = await PageAsync("mpesaTransactions", "receivedAt", null,
                new { first = 50, after = page["pageInfo"]!["endCursor"]!.GetValue<string>() });
            shown.AddRange(Ids(rest));
            Assert.That(shown, Is.Unique);
            Assert.That(shown, Has.Count.EqualTo(14));
            Assert.That(rest["totalCount"]!.GetValue<int>(), Is.EqualTo(15));
        }
        finally
        {
            await using var db = await ContextsAsync();
            await db.Purchases.Where(p => p.Id == cheap.Id || p.Id == dear.Id).ExecuteDeleteAsync();
            await db.MpesaTransactions.Where(t => t.CheckoutRequestId == "ws_CO_new").ExecuteDeleteAsync();
        }
    }

    [Test]
    public async Task A_cursor_that_is_not_ours_is_a_validation_error()
    {
        var page = await PageAsync("plans", "priceKes", "[{ priceKes: DESC }]", new { first = 2 });
        var cursor = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        var json = JsonNode.Parse(Convert.FromBase64String(cursor))!.AsObject();

        var tamperedId = json.DeepClone().AsObject();
        tamperedId["v"]![1] = "not-a-guid";
        var tamperedType = json.DeepClone().AsObject();
        tamperedType["v"]![0] = "twenty";
        var tamperedShape = json.DeepClone().AsObject();
        tamperedShape["v"]!.AsArray().RemoveAt(0);
        var bad = new[]
        {
            Encode(tamperedId), Encode(tamperedType), Encode(tamperedShape),
            cursor[..^4], cursor + "x", "garbage", "", Convert.ToBase64String(Encoding.ASCII.GetBytes("offset:3")),
            Convert.ToBase64String(Encoding.UTF8.GetBytes("[1,2]")), new string('A', 10_000),
        };
        foreach (var cursorText in bad)
        {
            var result = await PageAsync("plans", "priceKes", "[{ priceKes: DESC }]", new { first = 2, after = cursorText }, raw: true);
            Assert.That(AdminApi.Code(result), Is.EqualTo("VALIDATION"), cursorText);
        }

        // Foreign: the same cursor under another order, or on another connection.
        var otherOrder = await PageAsync("plans", "priceKes", "[{ priceKes: ASC }]", new { first = 2, after = cursor }, raw: true);
        Assert.That(AdminApi.Code(otherOrder), Is.EqualTo("VALIDATION"));
        var otherConnection = await PageAsync("purchases", "amountKes", null, new { last = 2, before = cursor }, raw: true);
        Assert.That(AdminApi.Code(otherConnection), Is.EqualTo("VALIDATION"));

        var untouched = await PageAsync("plans", "priceKes", "[{ priceKes: DESC }]", new { first = 2, after = Encode(json) });
        Assert.That(Ids(untouched), Has.Count.EqualTo(2));
    }

    private static string Encode(JsonObject json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private async Task<JsonObject> PageAsync(string connection, string fields, string? order, object arguments, bool raw = false)
    {
        var orderArgument = order is null ? "" : $", order: {order}";
        var query = $$"""
            query($o: ID!, $first: Int, $after: String, $last: Int, $before: String) {
              organization(id: $o) { {{connection}}(first: $first, after: $after, last: $last, before: $before{{orderArgument}}) {
                totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } nodes { id {{fields}} } } } }
            """;
        var variables = new Dictionary<string, object?> { ["o"] = _org };
        foreach (var property in arguments.GetType().GetProperties())
            variables[property.Name] = property.GetValue(arguments);
        var result = await _api.PostAsync(query, variables, _admin);
        if (raw) return result;
        Assert.That(result["errors"], Is.Null, result.ToJsonString());
        return result["data"]!["organization"]![connection]!.AsObject();
    }

    private static List<string> Ids(JsonObject page) => page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();

    /// <summary>Each node is at or after the one before it by the order's keys: nulls first ascending, enums in declaration order.</summary>
    private static void AssertOrdered(string connection, JsonArray nodes, string order)
    {
        var keys = order.Trim('[', ']').Split("},", StringSplitOptions.TrimEntries)
            .Select(entry => entry.Trim('{', '}', ' ').Split(':', StringSplitOptions.TrimEntries))
            .Select(parts => (Field: parts[0], Descending: parts[1] == "DESC"))
            .ToList();
        for (var i = 1; i < nodes.Count; i++)
        {
            foreach (var (field, descending) in keys)
            {
                var comparison = Compare(connection, field, nodes[i - 1]![field], nodes[i]![field]);
                if (descending) comparison = -comparison;
                Assert.That(comparison, Is.LessThanOrEqualTo(0), $"{field} at {i}: {nodes.ToJsonString()}");
                if (comparison < 0) break;
            }
        }
    }

    private static int Compare(string connection, string field, JsonNode? left, JsonNode? right)
    {
        if (left is null || right is null) return (left is null ? 0 : 1) - (right is null ? 0 : 1);
        var a = Text(left);
        var b = Text(right);
        return field switch
        {
            "priceKes" or "amountKes" => long.Parse(a).CompareTo(long.Parse(b)),
            "isActive" => bool.Parse(a).CompareTo(bool.Parse(b)),
            "status" when connection == "vouchers" => GraphQLEnums.Parse<VoucherStatus>(a).CompareTo(GraphQLEnums.Parse<VoucherStatus>(b)),
            "status" => GraphQLEnums.Parse<PurchaseStatus>(a).CompareTo(GraphQLEnums.Parse<PurchaseStatus>(b)),
            "createdAt" or "paidAt" or "expiresAt" or "receivedAt" => DateTimeOffset.Parse(a).CompareTo(DateTimeOffset.Parse(b)),
            _ => string.CompareOrdinal(a, b),
        };
    }

    private static string Text(JsonNode node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();
}
