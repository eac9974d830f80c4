using Hotspot.Domain.Transactions;
using Hotspot.Storage;
using Hotspot.Storage.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Tests.Storage;

/// <summary>The inbox migration keeps every stored row and frees the business ids it used to hold unique.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class CallbackInboxMigrationTests(DatabaseProvider provider)
{
    private const string BeforeInbox = "20261123171000_PurchaseMacIndex";

    [Test]
    public async Task Rows_stored_before_the_inbox_are_kept_and_their_receipts_can_be_delivered_again()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        var organizationId = Guid.NewGuid();
        var rowId = Guid.NewGuid();
        await using (var db = database.CreateDbContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeInbox);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO isp_mpesa_transactions (id, organization_id, kind, checkout_request_id, receipt_number, amount_kes, raw_body, status, received_at)
                VALUES ({rowId}, {organizationId}, {"StkCallback"}, {"ws_CO_old"}, {"ROLD000001"}, {20L}, {"{\"old\":true}"}, {"Settled"}, {TestData.Now})
                """);
        }

        await database.MigrateAsync();

        await using (var db = database.CreateDbContext())
        {
            var kept = await db.MpesaTransactions.SingleAsync(t => t.Id == rowId);
            Assert.That(kept.ReceiptNumber, Is.EqualTo("ROLD000001"));
            Assert.That(kept.Status, Is.EqualTo(CallbackStatus.Settled));
            Assert.That(kept.BodySha256, Is.Null);
            // Another delivery with the same CheckoutRequestID and receipt is kept now, not refused.
            var again = MpesaTransaction.Receive(organizationId, MpesaTransactionKind.StkCallback, "{\"again\":true}", TestData.Now,
                checkoutRequestId: "ws_CO_old", receiptNumber: "ROLD000001", amountKes: 20);
            Assert.That(await DeliveryInbox.TryAddAsync(db, again, CancellationToken.None), Is.True);
            Assert.That(await db.MpesaTransactions.CountAsync(t => t.ReceiptNumber == "ROLD000001"), Is.EqualTo(2));
        }
    }
}
