using System.Diagnostics.Metrics;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Vouchers;
using Hotspot.Storage;
using Hotspot.Storage.Inbox;
using Hotspot.Storage.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hotspot.Tests.Storage;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class PaymentOutcomesTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private static readonly PurchaseMetrics Metrics = new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    private PaymentOutcomes Outcomes => new(Database, new ReceiptLinks(Database),
        new CallbackBatches(Database, TimeProvider.System, NullLogger<CallbackBatches>.Instance), Metrics, TimeProvider.System,
        NullLogger<PaymentOutcomes>.Instance);

    [Test]
    public async Task Settling_a_pending_purchase_pays_it_and_issues_an_active_voucher()
    {
        var (organization, plan) = await TestData.OrganizationWithPlanAsync(Database);
        var purchase = await TestData.PendingPurchaseAsync(Database, plan);

        var result = await Outcomes.PaidAsync(new SettlementRequest(PurchaseKey.ById(organization.Id, purchase.Id), 50, "NLJ7RT61SV"), default);

        Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.Settled));
        await using var db = Database.CreateDbContext();
        var stored = await db.Purchases.SingleAsync(p => p.Id == purchase.Id);
        var voucher = await db.Vouchers.SingleAsync(v => v.PurchaseId == purchase.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Status, Is.EqualTo(PurchaseStatus.Paid));
            Assert.That(stored.ProviderReceipt, Is.EqualTo("NLJ7RT61SV"));
            Assert.That(stored.VoucherId, Is.EqualTo(voucher.Id));
            Assert.That(voucher.Status, Is.EqualTo(VoucherStatus.Active));
            Assert.That(voucher.Source, Is.EqualTo(VoucherSource.Purchase));
            Assert.That(voucher.Code, Has.Length.EqualTo(VoucherCode.PurchaseLength));
            Assert.That(voucher.Code, Is.EqualTo(result.VoucherCode));
            Assert.That(voucher.OrganizationId, Is.EqualTo(organization.Id));
            Assert.That(voucher.ExpiresAt - voucher.ActivatedAt, Is.EqualTo(TimeSpan.FromHours(1)));
        });
    }

    [Test]
    public async Task Settling_again_is_a_no_op_that_returns_the_same_voucher()
    {
        var (organization, plan) = await TestData.OrganizationWithPlanAsync(Database);
        var purchase = await TestData.PendingPurchaseAsync(Database, plan);
        var request = new SettlementRequest(PurchaseKey.ById(organization.Id, purchase.Id), 50, "RCPT000001");

        var first = await Outcomes.PaidAsync(request, default);
        var second = await Outcomes.PaidAsync(request, default);

        Assert.That(first.Outcome, Is.EqualTo(SettlementOutcome.Settled));
        Assert.That(second.Outcome, Is.EqualTo(SettlementOutcome.AlreadyPaid));
        Assert.That(second.VoucherId, Is.EqualTo(first.VoucherId));
        await using var db = Database.CreateDbContext();
        Assert.That(await db.Vouchers.CountAsync(v => v.PurchaseId == purchase.Id), Is.EqualTo(1));
    }

    [Test]
    public async Task Two_concurrent_settlements_produce_exactly_one_voucher()
    {
        var (organization, plan) = await TestData.OrganizationWithPlanAsync(Database);
        var purchase = await TestData.PendingPurchaseAsync(Database, plan);
        var request = new SettlementRequest(PurchaseKey.ById(organization.Id, purchase.Id), 50, "RCPT000002");

        using var start = new Barrier(2);
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return Outcomes.PaidAsync(request, default);
        })));

        Assert.That(results.Count(r => r.Outcome == SettlementOutcome.Settled), Is.EqualTo(1));
        Assert.That(results.Count(r => r.Outcome == SettlementOutcome.AlreadyPaid), Is.EqualTo(1));
        await AssertExactlyOneVoucherAsync(purchase.Id);
    }

    [Test]
    public async Task Fifty_parallel_settlements_produce_exactly_one_voucher()
    {
        var (organization, plan) = await TestData.OrganizationWithPlanAsync(Database);
        var purchase = await TestData.PendingPurchaseAsync(Database, plan);
        var request = new SettlementRequest(PurchaseKey.ById(organization.Id, purchase.Id), 50, "RCPT000003");

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => Outcomes.PaidAsync(request, default))));

        Assert.That(results.Count(r => r.Outcome == SettlementOutcome.Settled), Is.EqualTo(1));
        Assert.That(results.All(r => r.Outcome is SettlementOutcome.Settled or SettlementOutcome.AlreadyPaid), Is.True);
        Assert.That(results.Select(r => r.VoucherId).Distinct().Count(), Is.EqualTo(1));
        await AssertExactlyOneVoucherAsync(purchase.Id);
    }

    [Test]
    public async Task A_different_amount_is_refused_and_recorded_on_the_purchase_and_the_callback()
    {
        var (organization, plan) = await TestData.OrganizationWithPlanAsync(Database);
        var purchase = await TestData.PendingPurchaseAsync(Database, plan);
        var callback = await StoreCallbackAsync(organization.Id, purchase.ProviderRequestId!, "RCPT000004", 49);

        var result = await Outcomes.PaidAsync(new SettlementRequest(PurchaseKey.ById(organization.Id, purchase.Id), 49, "RCPT000004",
            new StoredCallbackReference(PaymentMethodType.Mpesa, callback.Id)), default);

        Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.AmountMismatch));
        Assert.That(result.ReviewReason, Does.Contain("49").And.Contain("50"));
        await using var db = Database.CreateDbContext();
        var stored = await db.Purchases.SingleAsync(p => p.Id == purchase.Id);
        var storedCallback = await db.MpesaTransactions.SingleAsync(t => t.Id == callback.Id);
        Assert.Multiple(async () =>
        {
            Assert.That(stored.Status, Is.EqualTo(PurchaseStatus.Pending));
            Assert.That(stored.ReviewReason, Does.Contain("49 KES"));
            Assert.That(await db.Vouchers.AnyAsync(v => v.PurchaseId == purchase.Id), Is.False);
            Assert.That(storedCallback.Status, Is.EqualTo(CallbackStatus.NeedsReview));
            Assert.That(storedCallback.PurchaseId, Is.EqualTo(purchase.Id));
            Assert.That(storedCallback.ReviewReason, Does.Contain("49 KES"));
        });
    }

    [Test]
    public async Task The_settling_callback_row_is_linked_to_the_purchase_in_the_same_transaction()
    {
        var (organization, plan) = await TestData.OrganizationWithPlanAsync(Database);
        var purchase = await TestData.PendingPurchaseAsync(Database, plan);
        var callback = await StoreCallbackAsync(organization.Id, purchase.ProviderRequestId!, "RCPT000005", 50);

        var result = await Outcomes.PaidAsync(new SettlementRequest(PurchaseKey.ById(organization.Id, purchase.Id), 50, "RCPT000005",
            new StoredCallbackReference(PaymentMethodType.Mpesa, callback.Id)), default);

        Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.Settled));
        await using var db = Database.CreateDbContext();
        var storedCallback = await db.MpesaTransactions.SingleAsync(t => t.Id == callback.Id);
        Assert.That(storedCallback.Status, Is.EqualTo(CallbackStatus.Settled));
        Assert.That(storedCallback.PurchaseId, Is.EqualTo(purchase.Id));
    }

    [Test]
    public async Task A_payment_for_a_failed_purchase_settles_nothing_and_is_kept_for_review()
    {
        var (organization, plan) = await TestData.OrganizationWithPlanAsync(Database);
        var purchase = await TestData.PendingPurchaseAsync(Database, plan);
        await using (var db = Database.CreateDbContext())
        {
            var stored = await db.Purchases.SingleAsync(p => p.Id == purchase.Id);
            stored.Cancel("Request cancelled by user", TestData.Now);
            await db.SaveChangesAsync();
        }

        var result = await Outcomes.PaidAsync(new SettlementRequest(PurchaseKey.ById(organization.Id, purchase.Id), 50, "RCPT000006"), default);

        Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.NotPending));
        await using var check = Database.CreateDbContext();
        var after = await check.Purchases.SingleAsync(p => p.Id == purchase.Id);
        Assert.That(after.Status, Is.EqualTo(PurchaseStatus.Cancelled));
        Assert.That(after.ReviewReason, Does.Contain("Cancelled"));
        Assert.That(await check.Vouchers.AnyAsync(v => v.PurchaseId == purchase.Id), Is.False);
    }

    [Test]
    public async Task Another_organizations_id_settles_nothing()
    {
        var (_, plan) = await TestData.OrganizationWithPlanAsync(Database);
        var (other, _) = await TestData.OrganizationWithPlanAsync(Database);
        var purchase = await TestData.PendingPurchaseAsync(Database, plan);

        var result = await Outcomes.PaidAsync(new SettlementRequest(PurchaseKey.ById(other.Id, purchase.Id), 50, "RCPT000007"), default);

        Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.PurchaseNotFound));
        await using var db = Database.CreateDbContext();
        Assert.That((await db.Purchases.SingleAsync(p => p.Id == purchase.Id)).Status, Is.EqualTo(PurchaseStatus.Pending));
    }

    [Test]
    public async Task A_status_change_based_on_a_stale_read_is_refused_by_the_database()
    {
        var (organization, plan) = await TestData.OrganizationWithPlanAsync(Database);
        var purchase = await TestData.PendingPurchaseAsync(Database, plan);
        await using var stale = Database.CreateDbContext();
        var staleCopy = await stale.Purchases.SingleAsync(p => p.Id == purchase.Id);

        await Outcomes.PaidAsync(new SettlementRequest(PurchaseKey.ById(organization.Id, purchase.Id), 50, "RCPT000008"), default);
        staleCopy.Fail("timed out", TestData.Now);

        Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
    }

    [Test]
    public async Task Another_payment_for_a_paid_purchase_is_kept_for_review_and_a_receiptless_repeat_is_processed()
    {
        var (organization, plan) = await TestData.OrganizationWithPlanAsync(Database);
        var purchase = await TestData.PendingPurchaseAsync(Database, plan);
        var key = PurchaseKey.ById(organization.Id, purchase.Id);
        await Outcomes.PaidAsync(new SettlementRequest(key, 50, "RCPT000011"), default);
        var other = await StoreCallbackAsync(organization.Id, "ws_CO_other_payment", "RCPT000012", 50);
        var receiptless = await StoreCallbackAsync(organization.Id, "ws_CO_receiptless", null, 50);

        var second = await Outcomes.PaidAsync(new SettlementRequest(key, 50, "RCPT000012", StoredCallbackReference.Stored(other)), default);
        var repeat = await Outcomes.PaidAsync(new SettlementRequest(key, 50, null, StoredCallbackReference.Stored(receiptless)), default);

        Assert.That(second.Outcome, Is.EqualTo(SettlementOutcome.NotPending));
        Assert.That(second.ReviewReason, Does.Contain("RCPT000012"));
        Assert.That(repeat.Outcome, Is.EqualTo(SettlementOutcome.AlreadyPaid));
        await using var db = Database.CreateDbContext();
        Assert.That((await db.MpesaTransactions.SingleAsync(t => t.Id == other.Id)).Status, Is.EqualTo(CallbackStatus.NeedsReview));
        Assert.That((await db.MpesaTransactions.SingleAsync(t => t.Id == receiptless.Id)).Status, Is.EqualTo(CallbackStatus.Processed));
        Assert.That((await db.Purchases.SingleAsync(p => p.Id == purchase.Id)).Status, Is.EqualTo(PurchaseStatus.Paid));
        await AssertExactlyOneVoucherAsync(purchase.Id);
    }

    [Test]
    public async Task A_receipt_that_paid_another_purchase_pays_nothing_more()
    {
        var (organization, plan) = await TestData.OrganizationWithPlanAsync(Database);
        var first = await TestData.PendingPurchaseAsync(Database, plan);
        var second = await TestData.PendingPurchaseAsync(Database, plan);
        await Outcomes.PaidAsync(new SettlementRequest(PurchaseKey.ById(organization.Id, first.Id), 50, "RCPT000021"), default);
        var callback = await StoreCallbackAsync(organization.Id, second.ProviderRequestId!, "RCPT000021", 50);

        var result = await Outcomes.PaidAsync(new SettlementRequest(
            PurchaseKey.ByProviderRequestId(organization.Id, second.ProviderRequestId!), 50, "RCPT000021", StoredCallbackReference.Stored(callback)), default);

        Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.ReceiptAlreadyUsed));
        await using var db = Database.CreateDbContext();
        var unpaid = await db.Purchases.SingleAsync(p => p.Id == second.Id);
        Assert.That(unpaid.Status, Is.EqualTo(PurchaseStatus.Pending));
        Assert.That(unpaid.ReviewReason, Does.Contain("RCPT000021"));
        var row = await db.MpesaTransactions.SingleAsync(t => t.Id == callback.Id);
        Assert.That(row.Status, Is.EqualTo(CallbackStatus.Processed));
        Assert.That(row.PurchaseId, Is.EqualTo(first.Id), "the money bought the first purchase's voucher");
        Assert.That(await db.Vouchers.CountAsync(v => v.PurchaseId == second.Id), Is.Zero);
        await AssertExactlyOneVoucherAsync(first.Id);
    }

    [TestCase("USD")]
    [TestCase("")]
    public async Task A_payment_in_another_currency_pays_nothing(string currency)
    {
        var (organization, plan) = await TestData.OrganizationWithPlanAsync(Database);
        var purchase = await TestData.PendingPurchaseAsync(Database, plan);

        var result = await Outcomes.PaidAsync(new SettlementRequest(PurchaseKey.ById(organization.Id, purchase.Id), 50, "RCPT0000U" + currency.Length,
            Currency: currency), default);

        Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.CurrencyMismatch));
        await using var db = Database.CreateDbContext();
        Assert.That((await db.Purchases.SingleAsync(p => p.Id == purchase.Id)).Status, Is.EqualTo(PurchaseStatus.Pending));
        Assert.That(await db.Vouchers.CountAsync(v => v.PurchaseId == purchase.Id), Is.Zero);
    }

    [Test]
    public async Task A_callback_settles_its_purchase_by_request_id_and_marks_the_row_it_just_stored()
    {
        var (organization, plan) = await TestData.OrganizationWithPlanAsync(Database);
        var purchase = await TestData.PendingPurchaseAsync(Database, plan);
        var callback = await StoreCallbackAsync(organization.Id, purchase.ProviderRequestId!, "RCPT000009", 50);

        var result = await Outcomes.PaidAsync(new SettlementRequest(
            PurchaseKey.ByProviderRequestId(organization.Id, purchase.ProviderRequestId!), 50, "RCPT000009", StoredCallbackReference.Stored(callback)), default);

        Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.Settled));
        await using var db = Database.CreateDbContext();
        var storedCallback = await db.MpesaTransactions.SingleAsync(t => t.Id == callback.Id);
        Assert.That(storedCallback.Status, Is.EqualTo(CallbackStatus.Settled));
        Assert.That(storedCallback.PurchaseId, Is.EqualTo(purchase.Id));
        Assert.That(storedCallback.RawBody, Is.EqualTo(callback.RawBody));
        await AssertExactlyOneVoucherAsync(purchase.Id);
    }

    [Test]
    public async Task Another_organizations_request_id_settles_nothing_and_keeps_the_row_for_review()
    {
        var (_, plan) = await TestData.OrganizationWithPlanAsync(Database);
        var (other, _) = await TestData.OrganizationWithPlanAsync(Database);
        var purchase = await TestData.PendingPurchaseAsync(Database, plan);
        var callback = await StoreCallbackAsync(other.Id, purchase.ProviderRequestId!, "RCPT000010", 50);

        var result = await Outcomes.PaidAsync(new SettlementRequest(
            PurchaseKey.ByProviderRequestId(other.Id, purchase.ProviderRequestId!), 50, "RCPT000010", StoredCallbackReference.Stored(callback)), default);

        Assert.That(result.Outcome, Is.EqualTo(SettlementOutcome.PurchaseNotFound));
        await using var db = Database.CreateDbContext();
        Assert.That((await db.Purchases.SingleAsync(p => p.Id == purchase.Id)).Status, Is.EqualTo(PurchaseStatus.Pending));
        var storedCallback = await db.MpesaTransactions.SingleAsync(t => t.Id == callback.Id);
        Assert.That(storedCallback.Status, Is.EqualTo(CallbackStatus.NeedsReview));
        Assert.That(storedCallback.PurchaseId, Is.Null);
    }

    [Test]
    public async Task A_callback_racing_the_reconciler_leaves_its_row_linked_and_one_voucher()
    {
        // Repeated so that in some rounds the callback loses the race, rolls back and retries with its row attached again.
        for (var round = 0; round < 10; round++)
        {
            var (organization, plan) = await TestData.OrganizationWithPlanAsync(Database);
            var purchase = await TestData.PendingPurchaseAsync(Database, plan);
            var row = await StoreCallbackAsync(organization.Id, purchase.ProviderRequestId!, $"RACE{round:D2}A001", 50);
            var byCallback = new SettlementRequest(PurchaseKey.ByProviderRequestId(organization.Id, purchase.ProviderRequestId!), 50,
                row.ReceiptNumber, StoredCallbackReference.Stored(row));
            var byReconciler = new SettlementRequest(PurchaseKey.ById(organization.Id, purchase.Id), 50, row.ReceiptNumber);

            using var start = new Barrier(2);
            var results = await Task.WhenAll(new[] { byCallback, byReconciler }.Select(request => Task.Run(() =>
            {
                start.SignalAndWait();
                return Outcomes.PaidAsync(request, default);
            })));

            await using var db = Database.CreateDbContext();
            var stored = await db.MpesaTransactions.SingleAsync(t => t.Id == row.Id);
            Assert.That(results.Count(r => r.Outcome == SettlementOutcome.Settled), Is.EqualTo(1), $"round {round}");
            // Whoever won, the row carries the payment (same receipt) that paid the purchase.
            Assert.That(stored.Status, Is.EqualTo(CallbackStatus.Settled), $"round {round}");
            Assert.That(stored.PurchaseId, Is.EqualTo(purchase.Id), $"round {round}");
            Assert.That(stored.ReviewReason, Is.Null, $"round {round}");
            await AssertExactlyOneVoucherAsync(purchase.Id);
        }
    }

    private async Task<MpesaTransaction> StoreCallbackAsync(Guid organizationId, string checkoutRequestId, string? receipt, long amount)
    {
        await using var db = Database.CreateDbContext();
        var callback = MpesaTransaction.Receive(organizationId, MpesaTransactionKind.StkCallback, $"{{\"Body\":\"{checkoutRequestId} {receipt}\"}}", TestData.Now,
            checkoutRequestId: checkoutRequestId, receiptNumber: receipt, resultCode: 0, amountKes: amount, phoneNumber: "254712345678");
        db.MpesaTransactions.Add(callback);
        await db.SaveChangesAsync();
        return callback;
    }

    private async Task AssertExactlyOneVoucherAsync(Guid purchaseId)
    {
        await using var db = Database.CreateDbContext();
        var stored = await db.Purchases.SingleAsync(p => p.Id == purchaseId);
        Assert.That(stored.Status, Is.EqualTo(PurchaseStatus.Paid));
        Assert.That(await db.Vouchers.CountAsync(v => v.PurchaseId == purchaseId), Is.EqualTo(1));
        Assert.That(await db.Vouchers.SingleAsync(v => v.PurchaseId == purchaseId).ContinueWith(t => t.Result.Id), Is.EqualTo(stored.VoucherId));
    }
}
