using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Providers.Daraja.Simulator;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// Money in review, through <c>/graphql</c> on the real API with its simulators: <c>paymentsInReview</c> over both
/// providers' rows (made by the real callback routes), and <c>resolvePayment</c>: a voucher issued from a payment
/// (what the plan leaves over stays in review), a refund by Daraja B2C and by Kopo Kopo PAY, a dismissal with its
/// note, two admins deciding at once (one wins, the other CONFLICT), viewers and other organizations refused, and
/// an audit entry for each decision.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class PaymentResolutionTests(DatabaseProvider provider) : BillingApiFixture(provider)
{
    private const string AdminEmail = "root@platform.test";
    private const string AdminPassword = "correct horse battery staple";
    private const string Password = "another long password 123";

    private Organization _organization = null!;
    private Plan _hour = null!;
    private Plan _day = null!;
    private string _admin = null!;
    private string _viewer = null!;
    private string _otherAdmin = null!;
    private string _otherOrganization = null!;

    // B2C requests for this payer never get an answer: the network fails after the request went out.
    private const string UnansweredPayer = "254711000999";

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureAll<HttpClientFactoryOptions>(options => options.HttpMessageHandlerBuilderActions.Add(handlers =>
            handlers.AdditionalHandlers.Add(new LostB2CAnswer())));

    private sealed class LostB2CAnswer : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.Contains("/b2c/") && request.Content is not null
                && (await request.Content.ReadAsStringAsync(cancellationToken)).Contains(UnansweredPayer))
                throw new HttpRequestException("The connection was reset after the request was sent.");
            return await base.SendAsync(request, cancellationToken);
        }
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["HOTSPOT_BOOTSTRAP_ADMIN_EMAIL"] = AdminEmail,
        ["HOTSPOT_BOOTSTRAP_ADMIN_PASSWORD"] = AdminPassword,
        ["Payments:ReconcilerEnabled"] = "false",
    };

    protected override async Task SeedAsync()
    {
        var seeded = await BillingSeed.OrganizationAsync(Api, "Review hotspot", PaymentMethodType.Mpesa, priceKes: 20);
        await using (var db = await Api.Contexts.CreateDbContextAsync())
        {
            _hour = await db.Plans.AsNoTracking().SingleAsync(p => p.OrganizationId == seeded.Id);
            _day = Plan.Create(seeded.Id, new PlanSettings("Day", 50, TimeSpan.FromDays(1)), DateTime.UtcNow);
            db.Plans.Add(_day);
            await db.SaveChangesAsync();
        }
        _admin = await LoginAsync(AdminEmail, AdminPassword);
        // Refunds by B2C need the initiator.
        await GraphQLAsync(_admin, """
            mutation($o: ID!, $p: String!) { updateMpesaConfiguration(organizationId: $o, input: { environment: SANDBOX, shortCode: "174379",
              transactionType: PAYBILL, consumerKey: "made-up-key", consumerSecret: "made-up-secret", passkey: $p,
              initiatorName: "testapi", initiatorPassword: "made-up-initiator" }) { id } }
            """, new { o = seeded.Id, p = DarajaSimulatorOptions.SandboxPassKey });
        await using (var db = await Api.Contexts.CreateDbContextAsync())
            _organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == seeded.Id);

        _viewer = await UserAsync("viewer@review.test", "ORGANIZATION_VIEWER", _organization.Id.ToString());
        var other = await GraphQLAsync(_admin, "mutation { createOrganization(input: { name: \"Other review hotspot\" }) { id } }");
        _otherOrganization = other["createOrganization"]!["id"]!.GetValue<string>();
        _otherAdmin = await UserAsync("admin@other-review.test", "ORGANIZATION_ADMIN", _otherOrganization);
    }

    [Test]
    public async Task Payments_in_review_list_both_providers_and_page_by_keyset()
    {
        var mpesaReceipt = ReviewPayments.NewReceipt();
        var kopoKopoReceipt = ReviewPayments.NewReceipt();
        var secondMpesaReceipt = ReviewPayments.NewReceipt();
        var mpesa = await ReviewPayments.MpesaWrongAmountAsync(Api, Client, _organization, 35, mpesaReceipt);
        var kopoKopo = await ReviewPayments.KopoKopoWrongAmountAsync(Api, Client, _organization, 45, kopoKopoReceipt);
        var secondMpesa = await ReviewPayments.MpesaWrongAmountAsync(Api, Client, _organization, 55, secondMpesaReceipt);
        var receipts = new[] { mpesaReceipt, kopoKopoReceipt, secondMpesaReceipt };
        const string query = """
            query($o: ID!, $r: [String], $after: String) { organization(id: $o) { paymentsInReview(first: 2, after: $after,
              where: { receipt: { in: $r } }, order: [{ amountKes: ASC }]) {
                totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
                nodes { __typename id provider amountKes currency receipt phoneNumber status reviewReason purchase { id status } resolution { action }
                  ... on MpesaTransaction { kind } ... on KopoKopoTransaction { type } } } } }
            """;

        var first = (await GraphQLAsync(_admin, query, new { o = _organization.Id, r = receipts }))["organization"]!["paymentsInReview"]!;
        var second = (await GraphQLAsync(_admin, query, new
        {
            o = _organization.Id, r = receipts,
            after = first["pageInfo"]!["endCursor"]!.GetValue<string>()
        }))["organization"]!["paymentsInReview"]!;

        Assert.That(first["totalCount"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(first["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), Is.True);
        Assert.That(second["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), Is.False);
        Assert.That(second["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>(), Is.True);
        var nodes = first["nodes"]!.AsArray().Concat(second["nodes"]!.AsArray()).Select(n => n!).ToList();
        Assert.That(nodes.Select(n => n["id"]!.GetValue<string>()), Is.EqualTo(new[] { mpesa, kopoKopo, secondMpesa }.Select(id => id.ToString())));
        Assert.That(nodes.Select(n => n["__typename"]!.GetValue<string>()), Is.EqualTo(new[] { "MpesaTransaction", "KopoKopoTransaction", "MpesaTransaction" }));
        Assert.That(nodes.Select(n => n["provider"]!.GetValue<string>()), Is.EqualTo(new[] { "MPESA", "KOPOKOPO", "MPESA" }));
        Assert.That(nodes.Select(n => n["amountKes"]!.GetValue<long>()), Is.EqualTo(new long[] { 35, 45, 55 }));
        Assert.That(nodes.Select(n => n["currency"]!.GetValue<string>()), Is.All.EqualTo("KES"));
        Assert.That(nodes.Select(n => n["status"]!.GetValue<string>()), Is.All.EqualTo("NEEDS_REVIEW"));
        Assert.That(nodes.Select(n => n["reviewReason"]!.GetValue<string>()), Is.All.Contains("does not match the price"));
        Assert.That(nodes.Select(n => n["purchase"]!["status"]!.GetValue<string>()), Is.All.EqualTo("PENDING"));
        Assert.That(nodes.Select(n => n["resolution"]), Is.All.Null);
        Assert.That(nodes[0]["kind"]!.GetValue<string>(), Is.EqualTo("STK_CALLBACK"));
        Assert.That(nodes[1]["type"]!.GetValue<string>(), Is.EqualTo("KOPOKOPO_INCOMING_PAYMENT"));

        var onlyKopoKopo = await GraphQLAsync(_admin, """
            query($o: ID!, $r: [String]) { organization(id: $o) { paymentsInReview(where: { provider: { eq: KOPOKOPO }, receipt: { in: $r } }) { nodes { receipt } } } }
            """, new { o = _organization.Id, r = receipts });
        Assert.That(onlyKopoKopo["organization"]!["paymentsInReview"]!["nodes"]!.AsArray().Select(n => n!["receipt"]!.GetValue<string>()),
            Is.EqualTo(new[] { kopoKopoReceipt }));
    }

    [Test]
    public async Task Issuing_a_voucher_pays_a_purchase_with_the_receipt_and_leaves_the_rest_in_review()
    {
        var receipt = ReviewPayments.NewReceipt();
        var payment = await ReviewPayments.MpesaWrongAmountAsync(Api, Client, _organization, 50, receipt);

        var result = await ResolveAsync(_admin, payment, "ISSUE_VOUCHER", _hour.Id, "Customer bought the hour plan");

        var payload = result["data"]!["resolvePayment"]!;
        Assert.That(payload["success"]!.GetValue<bool>(), Is.True, result.ToJsonString());
        var code = payload["voucher"]!["code"]!.GetValue<string>();
        Assert.That(payload["voucher"]!["status"]!.GetValue<string>(), Is.EqualTo("ACTIVE"));
        Assert.That(payload["payment"]!["status"]!.GetValue<string>(), Is.EqualTo("NEEDS_REVIEW"), "30 KES are left over");
        Assert.That(payload["payment"]!["reviewReason"]!.GetValue<string>(), Does.Contain("30 KES"));
        var resolution = payload["payment"]!["resolution"]!;
        Assert.That(resolution["action"]!.GetValue<string>(), Is.EqualTo("ISSUE_VOUCHER"));
        Assert.That(resolution["resolvedBy"]!.GetValue<string>(), Is.EqualTo(AdminEmail));
        Assert.That(resolution["note"]!.GetValue<string>(), Is.EqualTo("Customer bought the hour plan"));
        Assert.That(resolution["voucher"]!["code"]!.GetValue<string>(), Is.EqualTo(code));
        Assert.That(payload["payment"]!["purchase"]!["providerReceipt"]!.GetValue<string>(), Is.EqualTo(receipt));
        await using (var db = await Api.Contexts.CreateDbContextAsync())
        {
            var purchase = await db.Purchases.AsNoTracking().SingleAsync(p => p.OrganizationId == _organization.Id && p.ProviderReceipt == receipt);
            Assert.That(purchase.Status, Is.EqualTo(PurchaseStatus.Paid));
            Assert.That(purchase.AmountKes, Is.EqualTo(20));
            Assert.That((await db.Vouchers.AsNoTracking().SingleAsync(v => v.Id == purchase.VoucherId)).Code, Is.EqualTo(code));
            Assert.That(await AuditCountAsync(db, "payment.resolved", payment), Is.EqualTo(1));
        }

        // The receipt paid a purchase: no second voucher, but what is left can be refunded.
        var again = await ResolveAsync(_admin, payment, "ISSUE_VOUCHER", _hour.Id, null);
        Assert.That(Code(again), Is.EqualTo("CONFLICT"), again.ToJsonString());
        var refund = await ResolveAsync(_admin, payment, "REFUND", null, "Change");
        Assert.That(refund["data"]!["resolvePayment"]!["success"]!.GetValue<bool>(), Is.True, refund.ToJsonString());
        Assert.That(refund["data"]!["resolvePayment"]!["message"]!.GetValue<string>(), Does.Contain("30 KES"));
        Assert.That(refund["data"]!["resolvePayment"]!["payment"]!["status"]!.GetValue<string>(), Is.EqualTo("PROCESSED"));
    }

    [Test]
    public async Task A_voucher_needs_a_plan_the_payment_covers()
    {
        var payment = await ReviewPayments.MpesaWrongAmountAsync(Api, Client, _organization, 15, ReviewPayments.NewReceipt());

        var result = await ResolveAsync(_admin, payment, "ISSUE_VOUCHER", _hour.Id, null);

        Assert.That(Code(result), Is.EqualTo("VALIDATION"), result.ToJsonString());
        Assert.That(result["errors"]![0]!["message"]!.GetValue<string>(), Does.Contain("does not cover"));
        var missing = await ResolveAsync(_admin, payment, "ISSUE_VOUCHER", null, null);
        Assert.That(Code(missing), Is.EqualTo("VALIDATION"));
    }

    [Test]
    public async Task An_mpesa_payment_is_refunded_by_b2c()
    {
        var payment = await ReviewPayments.MpesaWrongAmountAsync(Api, Client, _organization, 40, ReviewPayments.NewReceipt());

        var result = await ResolveAsync(_admin, payment, "REFUND", null, "Paid twice");

        var payload = result["data"]!["resolvePayment"]!;
        Assert.That(payload["success"]!.GetValue<bool>(), Is.True, result.ToJsonString());
        Assert.That(payload["providerRequestId"]!.GetValue<string>(), Is.Not.Empty);
        Assert.That(payload["payment"]!["status"]!.GetValue<string>(), Is.EqualTo("PROCESSED"));
        Assert.That(payload["payment"]!["resolution"]!["action"]!.GetValue<string>(), Is.EqualTo("REFUND"));
        var conversation = payload["providerRequestId"]!.GetValue<string>();
        Assert.That(await WaitForAsync(db => db.MpesaTransactions.CountAsync(t => t.OrganizationId == _organization.Id
            && t.Kind == MpesaTransactionKind.B2CResult && t.ConversationId == conversation)), Is.EqualTo(1));
        await using var check = await Api.Contexts.CreateDbContextAsync();
        Assert.That(await AuditCountAsync(check, "payment.resolved", payment), Is.EqualTo(1));
    }

    [Test]
    public async Task A_refund_the_provider_refuses_goes_back_to_review()
    {
        // The simulator answers B2C to this number with a spike-arrest error.
        var payment = await ReviewPayments.MpesaWrongAmountAsync(Api, Client, _organization, 40, ReviewPayments.NewReceipt(), phoneJson: "254700000008");

        var result = await ResolveAsync(_admin, payment, "REFUND", null, null);

        var payload = result["data"]!["resolvePayment"]!;
        Assert.That(payload["success"]!.GetValue<bool>(), Is.False, result.ToJsonString());
        Assert.That(payload["message"]!.GetValue<string>(), Does.StartWith("Daraja refused the refund").And.EndWith("The payment stays in review."));
        Assert.That(payload["payment"]!["status"]!.GetValue<string>(), Is.EqualTo("NEEDS_REVIEW"));
        Assert.That(payload["payment"]!["resolution"], Is.Null);
        Assert.That(payload["payment"]!["reviewReason"]!.GetValue<string>(), Does.Contain("does not match the price"));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        Assert.That(await AuditCountAsync(db, "payment.refund_failed", payment), Is.EqualTo(1));
        // It can still be decided.
        var dismissed = await ResolveAsync(_admin, payment, "DISMISS", null, "Paid back in cash");
        Assert.That(dismissed["data"]!["resolvePayment"]!["payment"]!["status"]!.GetValue<string>(), Is.EqualTo("PROCESSED"), dismissed.ToJsonString());
    }

    [Test]
    public async Task A_refund_whose_answer_is_lost_stays_refunded_so_it_is_not_sent_twice()
    {
        var payment = await ReviewPayments.MpesaWrongAmountAsync(Api, Client, _organization, 40, ReviewPayments.NewReceipt(), phoneJson: UnansweredPayer);

        var result = await ResolveAsync(_admin, payment, "REFUND", null, null);

        var payload = result["data"]!["resolvePayment"]!;
        Assert.That(payload["success"]!.GetValue<bool>(), Is.False, result.ToJsonString());
        Assert.That(payload["message"]!.GetValue<string>(), Does.Contain("may have gone through"));
        Assert.That(payload["payment"]!["status"]!.GetValue<string>(), Is.Not.EqualTo("NEEDS_REVIEW"));
        Assert.That(payload["payment"]!["resolution"]!["action"]!.GetValue<string>(), Is.EqualTo("REFUND"));
        var again = await ResolveAsync(_admin, payment, "REFUND", null, null);
        Assert.That(Code(again), Is.EqualTo("CONFLICT"), again.ToJsonString());
        await using var db = await Api.Contexts.CreateDbContextAsync();
        Assert.That(await AuditCountAsync(db, "payment.refund_unknown", payment), Is.EqualTo(1));
    }

    [Test]
    public async Task A_payment_from_a_masked_number_cannot_be_refunded_by_the_system()
    {
        var payment = await ReviewPayments.MpesaWrongAmountAsync(Api, Client, _organization, 40, ReviewPayments.NewReceipt(), phoneJson: "\"2547******678\"");

        var result = await ResolveAsync(_admin, payment, "REFUND", null, null);

        Assert.That(Code(result), Is.EqualTo("VALIDATION"), result.ToJsonString());
        Assert.That(result["errors"]![0]!["message"]!.GetValue<string>(), Does.Contain("masked"));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var row = await db.MpesaTransactions.AsNoTracking().SingleAsync(t => t.Id == payment);
        Assert.That(row.Status, Is.EqualTo(CallbackStatus.NeedsReview));
        Assert.That(row.Resolution, Is.Null);
        Assert.That(await db.AuditLog.CountAsync(e => e.Details.Contains(payment.ToString())), Is.Zero);
    }

    [Test]
    public async Task A_kopokopo_payment_is_refunded_by_pay()
    {
        var payment = await ReviewPayments.KopoKopoWrongAmountAsync(Api, Client, _organization, 60, ReviewPayments.NewReceipt());

        var result = await ResolveAsync(_admin, payment, "REFUND", null, null);

        var payload = result["data"]!["resolvePayment"]!;
        Assert.That(payload["success"]!.GetValue<bool>(), Is.True, result.ToJsonString());
        Assert.That(payload["payment"]!["__typename"]!.GetValue<string>(), Is.EqualTo("KopoKopoTransaction"));
        Assert.That(payload["payment"]!["status"]!.GetValue<string>(), Is.EqualTo("PROCESSED"));
        var location = payload["providerRequestId"]!.GetValue<string>();
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var sent = await db.KopoKopoTransactions.AsNoTracking().SingleAsync(t => t.OrganizationId == _organization.Id
            && t.Type == KopoKopoTransactionType.SendMoney && t.PaymentRequestId == location && t.RawBody == "{}");
        Assert.That(sent.AmountKes, Is.EqualTo(60));
        Assert.That(sent.PhoneNumber, Is.EqualTo(ReviewPayments.Phone));
    }

    [Test]
    public async Task Dismissing_needs_a_note_and_is_recorded()
    {
        var payment = await ReviewPayments.MpesaWrongAmountAsync(Api, Client, _organization, 25, ReviewPayments.NewReceipt());

        var bare = await ResolveAsync(_admin, payment, "DISMISS", null, "  ");
        var dismissed = await ResolveAsync(_admin, payment, "DISMISS", null, "Refunded in cash at the shop");

        Assert.That(Code(bare), Is.EqualTo("VALIDATION"));
        var resolved = dismissed["data"]!["resolvePayment"]!["payment"]!;
        Assert.That(resolved["status"]!.GetValue<string>(), Is.EqualTo("PROCESSED"), dismissed.ToJsonString());
        Assert.That(resolved["resolution"]!["action"]!.GetValue<string>(), Is.EqualTo("DISMISS"));
        Assert.That(resolved["resolution"]!["note"]!.GetValue<string>(), Is.EqualTo("Refunded in cash at the shop"));
        Assert.That(resolved["resolution"]!["voucher"], Is.Null);
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var entry = await db.AuditLog.AsNoTracking().SingleAsync(e => e.OrganizationId == _organization.Id && e.Details.Contains(payment.ToString()));
        Assert.That(entry.Actor, Is.EqualTo(AdminEmail));
        Assert.That(entry.Action, Is.EqualTo("payment.resolved"));
        Assert.That(entry.Details, Does.Contain("DISMISS").And.Contain("Refunded in cash at the shop"));
        // Out of review: no longer listed.
        var listed = await GraphQLAsync(_admin, "query($o: ID!) { organization(id: $o) { paymentsInReview(first: 50) { nodes { id } } } }", new { o = _organization.Id });
        Assert.That(listed["organization"]!["paymentsInReview"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()), Has.No.Member(payment.ToString()));
    }

    [Test]
    public async Task Two_admins_deciding_at_once_one_wins_and_the_others_get_conflict()
    {
        // 50 KES buys the day plan exactly, so whichever decision wins leaves nothing in review.
        var receipt = ReviewPayments.NewReceipt();
        var payment = await ReviewPayments.MpesaWrongAmountAsync(Api, Client, _organization, 50, receipt);

        var results = await Task.WhenAll(
            ResolveAsync(_admin, payment, "ISSUE_VOUCHER", _day.Id, "first"),
            ResolveAsync(_admin, payment, "DISMISS", null, "second"),
            ResolveAsync(_admin, payment, "ISSUE_VOUCHER", _day.Id, "third"),
            ResolveAsync(_admin, payment, "DISMISS", null, "fourth"));

        var winners = results.Where(r => r["errors"] is null).ToList();
        Assert.That(winners, Has.Count.EqualTo(1), string.Join("\n", results.Select(r => r.ToJsonString())));
        Assert.That(results.Where(r => r["errors"] is not null).Select(Code), Is.All.EqualTo("CONFLICT"));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        Assert.That(await db.Purchases.CountAsync(p => p.OrganizationId == _organization.Id && p.ProviderReceipt == receipt), Is.LessThanOrEqualTo(1));
        Assert.That(await AuditCountAsync(db, "payment.resolved", payment), Is.EqualTo(1));
    }

    [Test]
    public async Task Viewers_are_forbidden_and_other_organizations_find_nothing()
    {
        var payment = await ReviewPayments.MpesaWrongAmountAsync(Api, Client, _organization, 33, ReviewPayments.NewReceipt());

        var viewer = await ResolveAsync(_viewer, payment, "DISMISS", null, "viewer");
        var otherWithOurs = await ResolveAsync(_otherAdmin, payment, "DISMISS", null, "other");
        var otherWithTheirs = await GraphQLRawAsync(_otherAdmin, """
            mutation($o: ID!, $p: ID!) { resolvePayment(organizationId: $o, paymentId: $p, input: { action: DISMISS, note: "x" }) { success } }
            """, new { o = _otherOrganization, p = payment });
        var viewerReads = await GraphQLAsync(_viewer, "query($o: ID!) { organization(id: $o) { paymentsInReview(first: 50) { nodes { id } } } }", new { o = _organization.Id });

        Assert.That(Code(viewer), Is.EqualTo("FORBIDDEN"));
        Assert.That(Code(otherWithOurs), Is.EqualTo("NOT_FOUND"));
        Assert.That(Code(otherWithTheirs), Is.EqualTo("NOT_FOUND"));
        Assert.That(viewerReads["organization"]!["paymentsInReview"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()), Has.Member(payment.ToString()));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        Assert.That((await db.MpesaTransactions.AsNoTracking().SingleAsync(t => t.Id == payment)).Status, Is.EqualTo(CallbackStatus.NeedsReview));
    }

    private Task<JsonObject> ResolveAsync(string token, Guid payment, string action, Guid? planId, string? note) => GraphQLRawAsync(token, """
        mutation($o: ID!, $p: ID!, $i: ResolvePaymentInput!) { resolvePayment(organizationId: $o, paymentId: $p, input: $i) {
          success message providerRequestId voucher { code status }
          payment { __typename id status reviewReason purchase { providerReceipt } resolution { action note resolvedBy resolvedAt voucher { code } } } } }
        """, new { o = _organization.Id, p = payment, i = new { action, planId, note } });

    private static string? Code(JsonObject result) => result["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    private static Task<int> AuditCountAsync(HotspotDbContext db, string action, Guid payment) =>
        db.AuditLog.AsNoTracking().CountAsync(e => e.Action == action && e.Details.Contains(payment.ToString()));

    private async Task<int> WaitForAsync(Func<HotspotDbContext, Task<int>> count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using var db = await Api.Contexts.CreateDbContextAsync();
            var found = await count(db);
            if (found >= 1 || DateTime.UtcNow > deadline)
                return found;
            await Task.Delay(100);
        }
    }

    private async Task<string> UserAsync(string email, string role, string organizationId)
    {
        await GraphQLAsync(_admin, "mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
            new { i = new { email, password = Password, role, organizationId } });
        return await LoginAsync(email, Password);
    }

    private async Task<string> LoginAsync(string email, string password)
    {
        var login = await GraphQLAsync(null, "mutation($i: LoginInput!) { login(input: $i) { token } }", new { i = new { email, password } });
        return login["login"]!["token"]!.GetValue<string>();
    }

    private async Task<JsonNode> GraphQLAsync(string? token, string query, object? variables = null)
    {
        var result = await GraphQLRawAsync(token, query, variables);
        Assert.That(result["errors"], Is.Null, result.ToJsonString());
        return result["data"]!;
    }

    private async Task<JsonObject> GraphQLRawAsync(string? token, string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await Client.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
