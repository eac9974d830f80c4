using System.Text;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Domain.Secrets;
using Hotspot.Domain.Transactions;
using Hotspot.Providers.Daraja;
using Hotspot.Storage;
using Hotspot.Storage.Inbox;
using Hotspot.Storage.Payments;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Payments;

/// <summary>
/// Daraja callbacks: each delivery is stored raw in <c>isp_mpesa_transactions</c> first (<see cref="DeliveryInbox"/>:
/// once per distinct body), then applied. Daraja signs nothing, so the organization's URL token must match and the
/// CheckoutRequestID must be one of that organization's purchases. CheckoutRequestID and receipt link deliveries to
/// a purchase; they never make one disappear: a second payment for a paid purchase is kept for review. Deliveries
/// with a wrong token are kept for review without their ids, so a forgery cannot take the place of the real callback.
/// </summary>
public sealed class DarajaCallbacks(
    IDbContextFactory<HotspotDbContext> contexts,
    DeliveryInbox inbox,
    CallbackTokenCache tokens,
    PaymentOutcomes outcomes,
    LostStkAnswerMatcher lostAnswers,
    ReceiptLinks receiptLinks,
    TimeProvider time,
    ILogger<DarajaCallbacks> logger)
{
    public async Task<CallbackResult> ReceiveStkAsync(Guid organizationId, string token, byte[] body, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(organizationId, token, MpesaTransactionKind.StkCallback, body, cancellationToken);
        if (check != CallbackResult.Accepted)
            return check;

        var raw = Encoding.UTF8.GetString(body);
        var parsed = StkCallbackParser.Parse(body);
        if (!parsed.IsSuccess)
        {
            await StoreForReviewAsync(organizationId, MpesaTransactionKind.StkCallback, raw, "Unreadable STK callback: " + parsed.Error!.Message, cancellationToken);
            return CallbackResult.Malformed;
        }

        var stk = parsed.Value;
        MpesaTransaction Receive() => MpesaTransaction.Receive(organizationId, MpesaTransactionKind.StkCallback, raw, Now(),
            merchantRequestId: stk.MerchantRequestId, checkoutRequestId: stk.CheckoutRequestId, receiptNumber: stk.ReceiptNumber,
            resultCode: int.TryParse(stk.ResultCode, out var code) ? code : null, resultDescription: stk.ResultDescription,
            amountKes: stk.AmountShillings, phoneNumber: stk.PhoneNumber, transactionDate: stk.TransactionDate?.UtcDateTime);

        // The common case, a payment for a pending purchase: stored and settled in one commit, beside the callbacks
        // arriving with it. Any other payment is stored by the same batch.
        var status = StkResultCodes.Status(stk.ResultCode, stk.ResultDescription, stk.ReceiptNumber, stk.AmountShillings, stk.PhoneNumber);
        var arrival = status.State == PaymentState.Succeeded && stk.AmountShillings is { } paid
            ? await outcomes.PaidOnArrivalAsync(new SettlementRequest(PurchaseKey.ByProviderRequestId(organizationId, stk.CheckoutRequestId),
                paid, status.Receipt, Currency: status.Currency), Receive(), cancellationToken)
            : null;
        if (arrival?.Settlement is not null)
            return CallbackResult.Settled;

        // Every other case: stored first (by that batch, or on its own), then applied.
        var stored = arrival is not null ? arrival.ToApply : await inbox.StoreAsync(Receive(), cancellationToken);
        if (stored is null)
            return Duplicate(MpesaTransactionKind.StkCallback, organizationId, stk.CheckoutRequestId);

        return await ApplyAsync(organizationId, stored, stk, cancellationToken) switch
        {
            CallbackStatus.Settled => CallbackResult.Settled,
            CallbackStatus.Processed => CallbackResult.Accepted,
            _ => CallbackResult.Review,
        };
    }

    /// <summary>Applies stored STK callbacks that arrived before their purchase recorded its CheckoutRequestID.</summary>
    public async Task ApplyStoredAsync(Guid organizationId, string checkoutRequestId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.MpesaTransactions.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId && t.CheckoutRequestId == checkoutRequestId && t.PurchaseId == null
                && (t.Status == CallbackStatus.Received || t.Status == CallbackStatus.NeedsReview))
            .Select(t => new { t.Id, t.RawBody })
            .ToListAsync(cancellationToken);
        foreach (var row in stored)
        {
            var parsed = StkCallbackParser.Parse(Encoding.UTF8.GetBytes(row.RawBody));
            if (parsed.IsSuccess)
                await ApplyAsync(organizationId, new StoredCallbackReference(PaymentMethodType.Mpesa, row.Id), parsed.Value, cancellationToken);
        }
    }

    /// <summary>C2B validation: stored (without the receipt, which belongs to the confirmation) and accepted.</summary>
    public Task<CallbackResult> ReceiveC2BValidationAsync(Guid organizationId, string token, byte[] body, CancellationToken cancellationToken) =>
        ReceiveC2BAsync(organizationId, token, body, MpesaTransactionKind.C2BValidation, cancellationToken);

    /// <summary>
    /// C2B confirmation: money paid to the paybill or till. Linked to the purchase its receipt paid, if one did;
    /// otherwise it is a payment nobody asked for, kept for review (and claimable by receipt on the portal).
    /// </summary>
    public Task<CallbackResult> ReceiveC2BConfirmationAsync(Guid organizationId, string token, byte[] body, CancellationToken cancellationToken) =>
        ReceiveC2BAsync(organizationId, token, body, MpesaTransactionKind.C2BConfirmation, cancellationToken);

    /// <summary>B2C result or timeout (refunds): stored for the refund workflow.</summary>
    public async Task<CallbackResult> ReceiveB2CAsync(Guid organizationId, string token, byte[] body, bool timeout, CancellationToken cancellationToken)
    {
        var kind = timeout ? MpesaTransactionKind.B2CTimeout : MpesaTransactionKind.B2CResult;
        var check = await CheckAsync(organizationId, token, kind, body, cancellationToken);
        if (check != CallbackResult.Accepted)
            return check;

        var raw = Encoding.UTF8.GetString(body);
        var parsed = DarajaResultParser.Parse(body);
        if (!parsed.IsSuccess)
        {
            await StoreForReviewAsync(organizationId, kind, raw, "Unreadable B2C result: " + parsed.Error!.Message, cancellationToken);
            return CallbackResult.Malformed;
        }

        var result = parsed.Value;
        var transaction = MpesaTransaction.Receive(organizationId, kind, raw, Now(),
            conversationId: result.ConversationId,
            receiptNumber: timeout || string.IsNullOrEmpty(result.TransactionId) ? null : result.TransactionId,
            resultCode: int.TryParse(result.ResultCode, out var code) ? code : null, resultDescription: result.ResultDescription,
            amountKes: long.TryParse(result.Parameter("TransactionAmount"), out var amount) ? amount : null);
        transaction.MarkProcessed(null);
        return await inbox.StoreAsync(transaction, cancellationToken) is null
            ? Duplicate(kind, organizationId, result.ConversationId)
            : CallbackResult.Accepted;
    }

    private async Task<CallbackResult> ReceiveC2BAsync(Guid organizationId, string token, byte[] body, MpesaTransactionKind kind, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(organizationId, token, kind, body, cancellationToken);
        if (check != CallbackResult.Accepted)
            return check;

        var raw = Encoding.UTF8.GetString(body);
        var parsed = C2BNotificationParser.Parse(body);
        if (!parsed.IsSuccess)
        {
            await StoreForReviewAsync(organizationId, kind, raw, "Unreadable C2B notification: " + parsed.Error!.Message, cancellationToken);
            return CallbackResult.Malformed;
        }

        var payment = parsed.Value;
        var transaction = MpesaTransaction.Receive(organizationId, kind, raw, Now(),
            receiptNumber: kind == MpesaTransactionKind.C2BConfirmation ? payment.TransactionId : null,
            amountKes: payment.AmountShillings, phoneNumber: payment.Msisdn, transactionDate: payment.TransactionTime?.UtcDateTime,
            resultDescription: payment.BillReference);
        var confirmation = kind == MpesaTransactionKind.C2BConfirmation && !string.IsNullOrEmpty(payment.TransactionId);
        if (!confirmation)
            transaction.MarkProcessed(null); // a validation asks whether to accept a payment; the money comes with the confirmation
        var stored = await inbox.StoreAsync(transaction, cancellationToken);
        if (stored is null)
            return Duplicate(kind, organizationId, payment.TransactionId);
        if (confirmation)
            await receiptLinks.MarkNotificationAsync(organizationId, stored, payment.TransactionId!, cancellationToken);
        return CallbackResult.Accepted;
    }

    /// <summary>
    /// Settles or fails the purchase with this CheckoutRequestID, found in the same read that applies the outcome. A
    /// success that matches no purchase may belong to one whose STK answer was lost; otherwise it is kept for review.
    /// </summary>
    private async Task<CallbackStatus?> ApplyAsync(Guid organizationId, StoredCallbackReference callback, StkCallback stk, CancellationToken cancellationToken)
    {
        var status = StkResultCodes.Status(stk.ResultCode, stk.ResultDescription, stk.ReceiptNumber, stk.AmountShillings, stk.PhoneNumber);
        var purchase = PurchaseKey.ByProviderRequestId(organizationId, stk.CheckoutRequestId);
        // A success without an amount cannot be checked against the price: -1 sends it to review.
        var amount = stk.AmountShillings ?? -1;
        if (await outcomes.ApplyAsync(purchase, status, amount, callback, cancellationToken) is { } applied)
            return applied;
        if (status.State == PaymentState.Succeeded
            && await lostAnswers.TryAdoptAsync(organizationId, stk.CheckoutRequestId, stk.PhoneNumber, stk.AmountShillings, cancellationToken))
            return await outcomes.ApplyAsync(purchase, status, amount, callback, cancellationToken);
        return null;
    }

    /// <summary>Accepted when the organization exists and the token is its own; a wrong token is stored for review.</summary>
    private async Task<CallbackResult> CheckAsync(Guid organizationId, string token, MpesaTransactionKind kind, byte[] body, CancellationToken cancellationToken)
    {
        var expected = await tokens.TokenOfAsync(organizationId, cancellationToken);
        if (expected is null)
            return CallbackResult.NotFound;
        if (ConstantTime.Matches(token, expected))
            return CallbackResult.Accepted;

        var refused = MpesaTransaction.Receive(organizationId, kind, Encoding.UTF8.GetString(body), Now());
        refused.MarkRefused("Wrong callback token in the URL.");
        await inbox.StoreAsync(refused, cancellationToken);
        logger.LogWarning("Daraja {Kind} for organization {OrganizationId} with a wrong token; kept for review", kind, organizationId);
        return CallbackResult.Unauthorized;
    }

    /// <summary>Authenticated but unreadable: kept for review without ids (an exact re-delivery is stored once).</summary>
    private async Task StoreForReviewAsync(Guid organizationId, MpesaTransactionKind kind, string raw, string reason, CancellationToken cancellationToken)
    {
        var transaction = MpesaTransaction.Receive(organizationId, kind, raw, Now());
        transaction.MarkForReview(null, reason);
        await inbox.StoreAsync(transaction, cancellationToken);
    }

    private CallbackResult Duplicate(MpesaTransactionKind kind, Guid organizationId, string? providerId)
    {
        logger.LogInformation("Daraja {Kind} {ProviderId} for organization {OrganizationId} delivered again; already stored", kind, providerId, organizationId);
        return CallbackResult.Duplicate;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
