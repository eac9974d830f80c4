using System.Text.Json.Nodes;
using Hotspot.Api.GraphQL;
using Hotspot.GraphQL.Binding;
using Hotspot.Storage;

namespace Hotspot.Tests.Api.GraphQL;

/// <summary>The admin API through /graphql: schema, mutations, connections with where/order, secrets.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class AdminGraphQLTests(DatabaseProvider provider)
{
    private const string MadeUpConsumerKey = "ck-made-up-7f3a9b21c4d8";
    private const string MadeUpConsumerSecret = "cs-made-up-e5b1d0c9a2f4";
    private const string MadeUpPasskey = "pk-made-up-bfd3c6a817e0";
    private const string MadeUpInitiatorPassword = "ip-made-up-93ac01de57b2";
    private const string MadeUpClientId = "cid-made-up-6e2f8a0b4c1d";
    private const string MadeUpClientSecret = "csec-made-up-0a9d7c5e3b1f";
    private const string MadeUpApiKey = "api-made-up-4c8e2a6f0d9b";

    private AdminApi _api = null!;
    private string _admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await AdminApi.StartAsync(provider);
        _admin = await _api.LoginAsync(AdminApi.AdminEmail, AdminApi.AdminPassword);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    private async Task<string> CreateOrganizationAsync(string name)
    {
        var result = await _api.PostAsync("mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id name } }",
            new { i = new { name } }, _admin);
        Assert.That(result["errors"], Is.Null, result.ToJsonString());
        return result["data"]!["createOrganization"]!["id"]!.GetValue<string>();
    }

    private async Task<string> CreatePlanAsync(string organizationId, string name, long price, string? token = null)
    {
        var result = await _api.PostAsync("mutation($o: ID!, $i: CreatePlanInput!) { createPlan(organizationId: $o, input: $i) { id priceKes durationSeconds } }",
            new { o = organizationId, i = new { name, priceKes = price, durationSeconds = 3600 } }, token ?? _admin);
        Assert.That(result["errors"], Is.Null, result.ToJsonString());
        return result["data"]!["createPlan"]!["id"]!.GetValue<string>();
    }

    [Test]
    public async Task The_served_schema_is_schema_graphql()
    {
        const string introspection = "{ __schema { queryType { name } mutationType { name } types { name kind description " +
            "fields { name description args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } defaultValue } " +
            "type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } " +
            "inputFields { name description type { kind name ofType { kind name ofType { kind name } } } defaultValue } enumValues { name description } } } }";
        var served = await _api.PostRawAsync(introspection);

        // The same introspection against the file itself, executed without resolvers.
        var sdl = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "schema.graphql"));
        var fromFile = ExecutableSchemaBuilder.FromSdl(sdl).Build();
        var expected = await Hotspot.GraphQL.Execution.Executor.ExecuteAsync(fromFile, Hotspot.GraphQL.Language.Parser.Parse(introspection));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        expected.WriteTo(buffer);

        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(served), JsonNode.Parse(buffer.WrittenSpan)), Is.True, served[..Math.Min(400, served.Length)]);
        Assert.That(served, Does.Contain("\"name\":\"PaymentMethodState\""));
    }

    [Test]
    public async Task Login_gives_a_token_that_me_accepts_and_a_wrong_password_does_not()
    {
        var me = await _api.PostAsync("{ me { email role organization { id } } }", token: _admin);
        Assert.That(me["data"]!["me"]!["email"]!.GetValue<string>(), Is.EqualTo(AdminApi.AdminEmail));
        Assert.That(me["data"]!["me"]!["role"]!.GetValue<string>(), Is.EqualTo("PLATFORM_ADMIN"));

        var wrong = await _api.PostAsync("mutation { login(input: { email: \"root@platform.test\", password: \"nope nope nope\" }) { token } }");
        Assert.That(AdminApi.Code(wrong), Is.EqualTo("UNAUTHENTICATED"));
        var anonymous = await _api.PostAsync("{ me { email } }");
        Assert.That(anonymous["data"]!["me"], Is.Null);
        var forged = await _api.PostAsync("{ organizations { id } }", token: _admin[..^3] + "AAA");
        Assert.That(AdminApi.Code(forged), Is.EqualTo("UNAUTHENTICATED"));
    }

    [Test]
    public async Task Configurations_show_masked_hints_and_urls_and_never_a_secret()
    {
        var org = await CreateOrganizationAsync("Secret Keeper ISP");
        var mpesa = await _api.PostRawAsync("""
            mutation($o: ID!) { updateMpesaConfiguration(organizationId: $o, input: {
              environment: SANDBOX, shortCode: "174379", transactionType: PAYBILL,
              consumerKey: "ck-made-up-7f3a9b21c4d8", consumerSecret: "cs-made-up-e5b1d0c9a2f4", passkey: "pk-made-up-bfd3c6a817e0",
              initiatorName: "apiop", initiatorPassword: "ip-made-up-93ac01de57b2" }) {
              mpesaState mpesaConfig { isActive environment shortCode transactionType consumerKeyHint consumerSecretHint passkeyHint
                initiatorName initiatorPasswordHint credentialsVerified stkCallbackUrl b2cResultUrl } } }
            """, new { o = org }, _admin);
        var kopokopo = await _api.PostRawAsync("""
            mutation($o: ID!) { updateKopoKopoConfiguration(organizationId: $o, input: {
              environment: SANDBOX, clientId: "cid-made-up-6e2f8a0b4c1d", clientSecret: "csec-made-up-0a9d7c5e3b1f",
              apiKey: "api-made-up-4c8e2a6f0d9b", businessName: "Secret Keeper", tillNumber: "K555123" }) {
              kopokopoState kopokopoConfig { clientIdHint clientSecretHint apiKeyHint tillNumber callbackUrls { callbackType url } } } }
            """, new { o = org }, _admin);
        var test = await _api.PostRawAsync("mutation($o: ID!) { testMpesaCredentials(organizationId: $o) { success error organization { mpesaConfig { credentialsVerified lastTestError lastTestedAt } } } }",
            new { o = org }, _admin);
        var testK2 = await _api.PostRawAsync("mutation($o: ID!) { testKopoKopoCredentials(organizationId: $o) { success error } }", new { o = org }, _admin);
        var activate = await _api.PostRawAsync("mutation($o: ID!) { setPaymentMethod(organizationId: $o, input: { paymentMethod: KOPOKOPO }) { success message organization { paymentMethod kopokopoConfig { webhookSubscriptions { eventType status lastError } } } } }",
            new { o = org }, _admin);
        var read = await _api.PostRawAsync("query($o: ID!) { organization(id: $o) { mpesaConfig { consumerKeyHint passkeyHint c2bValidationUrl c2bConfirmationUrl b2cTimeoutUrl lastTestError } kopokopoConfig { clientSecretHint } } }",
            new { o = org }, _admin);

        Assert.That(mpesa, Does.Contain("\"consumerKeyHint\":\"••••c4d8\"").And.Contain("\"mpesaState\":\"CONFIGURED\""), mpesa);
        Assert.That(mpesa, Does.Contain($"/api/payments/daraja/callback/{org}/"));
        Assert.That(kopokopo, Does.Contain("\"apiKeyHint\":\"••••0d9b\"").And.Contain("incoming-payment"), kopokopo);
        Assert.That(test, Does.Contain("\"success\":false").And.Contain("\"credentialsVerified\":false"), test);
        Assert.That(testK2, Does.Contain("\"success\":false"), testK2);
        Assert.That(activate, Does.Contain("\"success\":false").And.Contain("\"status\":\"FAILED\"").And.Contain("\"paymentMethod\":null"), activate);
        foreach (var text in new[] { mpesa, kopokopo, test, testK2, activate, read })
        {
            foreach (var secret in new[] { MadeUpConsumerKey, MadeUpConsumerSecret, MadeUpPasskey, MadeUpInitiatorPassword, MadeUpClientId, MadeUpClientSecret, MadeUpApiKey })
                Assert.That(text, Does.Not.Contain(secret));
        }

        var mpesaActive = await _api.PostAsync("mutation($o: ID!) { setPaymentMethod(organizationId: $o, input: { paymentMethod: MPESA }) { success organization { paymentMethod mpesaState kopokopoState } } }",
            new { o = org }, _admin);
        Assert.That(mpesaActive["data"]!["setPaymentMethod"]!["organization"]!.ToJsonString(),
            Is.EqualTo("{\"paymentMethod\":\"MPESA\",\"mpesaState\":\"ACTIVE\",\"kopokopoState\":\"CONFIGURED\"}"));
    }

    [Test]
    public async Task Activating_a_method_that_is_not_configured_is_refused_with_its_code()
    {
        var org = await CreateOrganizationAsync("Unconfigured ISP");
        var result = await _api.PostAsync("mutation($o: ID!) { setPaymentMethod(organizationId: $o, input: { paymentMethod: MPESA }) { success } }",
            new { o = org }, _admin);
        Assert.That(AdminApi.Code(result), Is.EqualTo("PAYMENT_METHOD_NOT_CONFIGURED"));
        var invalid = await _api.PostAsync("""
            mutation($o: ID!) { updateMpesaConfiguration(organizationId: $o, input: { environment: SANDBOX, shortCode: "12", transactionType: BUY_GOODS,
              consumerKey: "a", consumerSecret: "b", passkey: "c" }) { id } }
            """, new { o = org }, _admin);
        Assert.That(AdminApi.Code(invalid), Is.EqualTo("VALIDATION"));
        Assert.That(invalid["errors"]![0]!["message"]!.GetValue<string>(), Does.Contain("shortCode"));
    }

    [Test]
    public async Task Plans_are_created_updated_archived_and_vouchers_generated_and_revoked()
    {
        var org = await CreateOrganizationAsync("Plan Makers");
        var plan = await CreatePlanAsync(org, "Hour", 20);
        var updated = await _api.PostAsync("mutation($p: ID!) { updatePlan(planId: $p, input: { name: \"Hour+\", priceKes: 25, durationSeconds: 5400, dataCapBytes: 5000000000 }) { name priceKes durationSeconds dataCapBytes isActive } }",
            new { p = plan }, _admin);
        Assert.That(JsonNode.DeepEquals(updated["data"]!["updatePlan"],
            JsonNode.Parse("{\"name\":\"Hour+\",\"priceKes\":25,\"durationSeconds\":5400,\"dataCapBytes\":5000000000,\"isActive\":true}")), Is.True, updated.ToJsonString());

        var generated = await _api.PostAsync("mutation($o: ID!, $p: ID!) { generateVouchers(organizationId: $o, input: { planId: $p, count: 25, prefix: \"cafe\" }) { batchId vouchers { id code status source plan { name } } } }",
            new { o = org, p = plan }, _admin);
        var vouchers = generated["data"]!["generateVouchers"]!["vouchers"]!.AsArray();
        Assert.That(vouchers, Has.Count.EqualTo(25));
        Assert.That(vouchers.Select(v => v!["code"]!.GetValue<string>()), Is.All.StartsWith("CAFE"));
        Assert.That(vouchers.Select(v => v!["code"]!.GetValue<string>()), Is.Unique);
        Assert.That(vouchers[0]!["plan"]!["name"]!.GetValue<string>(), Is.EqualTo("Hour+"));

        var tooMany = await _api.PostAsync("mutation($o: ID!, $p: ID!) { generateVouchers(organizationId: $o, input: { planId: $p, count: 1001 }) { batchId } }",
            new { o = org, p = plan }, _admin);
        Assert.That(AdminApi.Code(tooMany), Is.EqualTo("VALIDATION"));

        var revoked = await _api.PostAsync("mutation($v: ID!) { revokeVoucher(voucherId: $v) { status revokedAt } }",
            new { v = vouchers[0]!["id"]!.GetValue<string>() }, _admin);
        Assert.That(revoked["data"]!["revokeVoucher"]!["status"]!.GetValue<string>(), Is.EqualTo("REVOKED"));

        var archived = await _api.PostAsync("mutation($p: ID!) { archivePlan(planId: $p) { isActive } }", new { p = plan }, _admin);
        Assert.That(archived["data"]!["archivePlan"]!["isActive"]!.GetValue<bool>(), Is.False);

        var unknown = await _api.PostAsync("mutation { archivePlan(planId: \"not-an-id\") { isActive } }", token: _admin);
        Assert.That(AdminApi.Code(unknown), Is.EqualTo("NOT_FOUND"));
    }

    [Test]
    public async Task Connections_page_forwards_and_backwards_with_where_and_order()
    {
        var org = await CreateOrganizationAsync("Pager ISP");
        for (var price = 1; price <= 12; price++) await CreatePlanAsync(org, $"Plan {price:00}", price * 10);

        const string page = """
            query($o: ID!, $first: Int, $after: String, $last: Int, $before: String, $where: PlanFilterInput) {
              organization(id: $o) { plans(first: $first, after: $after, last: $last, before: $before, where: $where, order: [{ priceKes: DESC }]) {
                totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } nodes { name priceKes } } } }
            """;
        var where = new { and = new object[] { new { priceKes = new { gte = 30 } }, new { name = new { startsWith = "Plan" } } } };
        var forward = new List<long>();
        string? after = null;
        while (true)
        {
            var result = await _api.PostAsync(page, new { o = org, first = 4, after, where }, _admin);
            var plans = result["data"]!["organization"]!["plans"]!;
            Assert.That(plans["totalCount"]!.GetValue<int>(), Is.EqualTo(10));
            forward.AddRange(plans["nodes"]!.AsArray().Select(n => n!["priceKes"]!.GetValue<long>()));
            if (!plans["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = plans["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        Assert.That(forward, Is.EqualTo(new long[] { 120, 110, 100, 90, 80, 70, 60, 50, 40, 30 }));

        var backward = new List<long>();
        string? before = null;
        while (true)
        {
            var result = await _api.PostAsync(page, new { o = org, last = 3, before, where }, _admin);
            var plans = result["data"]!["organization"]!["plans"]!;
            backward.InsertRange(0, plans["nodes"]!.AsArray().Select(n => n!["priceKes"]!.GetValue<long>()));
            if (!plans["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>()) break;
            before = plans["pageInfo"]!["startCursor"]!.GetValue<string>();
        }
        Assert.That(backward, Is.EqualTo(forward));

        var or = await _api.PostAsync(page, new { o = org, first = 50, where = new { or = new object[] { new { priceKes = new { eq = 10 } }, new { name = new { contains = "12" } } } } }, _admin);
        Assert.That(or["data"]!["organization"]!["plans"]!["nodes"]!.AsArray().Select(n => n!["priceKes"]!.GetValue<long>()), Is.EqualTo(new long[] { 120, 10 }));

        var defaultPage = await _api.PostAsync(page, new { o = org }, _admin);
        Assert.That(defaultPage["data"]!["organization"]!["plans"]!["nodes"]!.AsArray(), Has.Count.EqualTo(10));
        var tooBig = await _api.PostAsync(page, new { o = org, first = 51 }, _admin);
        Assert.That(AdminApi.Code(tooBig), Is.EqualTo("VALIDATION"));
        var badCursor = await _api.PostAsync(page, new { o = org, after = "garbage" }, _admin);
        Assert.That(AdminApi.Code(badCursor), Is.EqualTo("VALIDATION"));
    }

    [Test]
    public async Task Vouchers_filter_by_status_and_code_and_revenue_is_empty_without_payments()
    {
        var org = await CreateOrganizationAsync("Voucher Filter ISP");
        var plan = await CreatePlanAsync(org, "Day", 50);
        var generated = await _api.PostAsync("mutation($o: ID!, $p: ID!) { generateVouchers(organizationId: $o, input: { planId: $p, count: 5, prefix: \"ZZ\" }) { vouchers { id code } } }",
            new { o = org, p = plan }, _admin);
        var first = generated["data"]!["generateVouchers"]!["vouchers"]![0]!;
        await _api.PostAsync("mutation($v: ID!) { revokeVoucher(voucherId: $v) { id } }", new { v = first["id"]!.GetValue<string>() }, _admin);

        var result = await _api.PostAsync("""
            query($o: ID!) { organization(id: $o) {
              revoked: vouchers(where: { status: { eq: REVOKED } }) { totalCount nodes { code } }
              unused: vouchers(where: { status: { in: [UNUSED] }, code: { startsWith: "ZZ" } }, order: [{ code: ASC }]) { totalCount nodes { code } }
              revenueByDay { day amountKes } } }
            """, new { o = org }, _admin);
        var organization = result["data"]!["organization"]!;
        Assert.That(organization["revoked"]!["nodes"]![0]!["code"]!.GetValue<string>(), Is.EqualTo(first["code"]!.GetValue<string>()));
        Assert.That(organization["unused"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(4));
        var codes = organization["unused"]!["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).ToList();
        Assert.That(codes, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(organization["revenueByDay"]!.AsArray(), Is.Empty);
    }

    [Test]
    public void An_unbound_field_stops_the_schema_from_building()
    {
        var sdl = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "schema.graphql"))
            .Replace("type Plan {", "type Plan {\n  unboundField: String");
        var error = Assert.Throws<SchemaBindingException>(() => AdminSchema.Build(sdl));
        Assert.That(error!.Message, Does.Contain("Plan.unboundField"));
    }
}
