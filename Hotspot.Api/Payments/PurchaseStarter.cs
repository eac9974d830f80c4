using Hotspot.Domain;
using Hotspot.Domain.Devices;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Purchases;
using Hotspot.Storage;
using Hotspot.Storage.Payments;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Payments;

/// <summary>
/// Starts a captive-portal purchase: the PENDING purchase is saved before the STK push goes out, so no payment
/// can exist without its purchase. A refused request fails the purchase; a request whose answer was lost stays
/// pending for the reconciler (sending it again could charge the customer twice).
/// </summary>
public sealed class PurchaseStarter(
    IDbContextFactory<HotspotDbContext> contexts,
    GatewaySelector gateways,
    CallbackUrls callbackUrls,
    StoredCallbackReplay replay,
    PaymentOutcomes outcomes,
    TimeProvider time,
    ILogger<PurchaseStarter> logger)
{
    public const string OutcomeUnknownCode = "outcome_unknown";

    /// <param name="requiredMethod">Refuse unless this is the organization's active method.</param>
    public async Task<(PurchaseStarted? Started, PurchaseProblem? Problem)> StartAsync(
        Guid organizationId, Guid planId, string phoneNumber, string? macAddress, PaymentMethodType? requiredMethod,
        CancellationToken cancellationToken)
    {
        if (!KenyanPhoneNumber.TryParse(phoneNumber, out var phone))
            return Refused(400, PurchaseProblem.Validation, $"phoneNumber is not a Kenyan mobile number. Use {KenyanPhoneNumber.AcceptedFormats}.");
        string? mac;
        try
        {
            mac = MacAddress.ParseOptional(macAddress)?.Value;
        }
        catch (DomainException e)
        {
            return Refused(400, PurchaseProblem.Validation, "macAddress: " + e.Message);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        if (organization is null)
            return Refused(404, PurchaseProblem.OrganizationNotFound, "No such organization.");
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId && p.OrganizationId == organizationId, cancellationToken);
        if (plan is null)
            return Refused(404, PurchaseProblem.PlanNotFound, "This organization has no such plan.");
        if (!plan.IsActive)
            return Refused(409, PurchaseProblem.PlanNotOnSale, "This plan is no longer on sale.");
        if (organization.PaymentMethod is not { } method)
            return Refused(409, PurchaseProblem.PaymentMethodNotConfigured, "This hotspot has no active payment method yet.");
        if (requiredMethod is { } required && required != method)
            return Refused(409, PurchaseProblem.KopoKopoNotActive, "Kopo Kopo is not this hotspot's active payment method.");
        var gateway = gateways.For(organization, method);
        if (gateway is null)
            return Refused(409, PurchaseProblem.PaymentMethodNotConfigured, "The active payment method is not configured.");

        var purchase = Purchase.Create(plan, phone, mac, method, time.GetUtcNow().UtcDateTime);
        db.Purchases.Add(purchase);
        await db.SaveChangesAsync(cancellationToken);

        var callbackUrl = method == PaymentMethodType.Mpesa
            ? callbackUrls.DarajaStk(organization)
            : callbackUrls.KopoKopo(organization, CallbackUrls.KopoKopoIncomingPayment);
        var request = new StartPaymentRequest(
            purchase.PhoneNumber, purchase.AmountKes,
            AccountReference: purchase.Id.ToString("N")[..12].ToUpperInvariant(),
            Description: "WiFi access",
            callbackUrl,
            new Dictionary<string, string> { ["purchaseId"] = purchase.Id.ToString() });

        // Not the request's token: a customer closing the portal must not leave a sent push unrecorded.
        var started = await gateway.Gateway.StartPaymentAsync(gateway.Credentials, request, CancellationToken.None);
        if (started.IsSuccess)
        {
            var providerRequestId = started.Value.Reference.ProviderRequestId;
            var status = await RecordProviderRequestAsync(db, purchase, providerRequestId);
            logger.LogInformation("Purchase {PurchaseId} of organization {OrganizationId}: payment request {ProviderRequestId} sent by {Method}",
                purchase.Id, organizationId, providerRequestId, method);
            // A fast callback may have arrived before the request id was saved; apply it now.
            await replay.ApplyStoredAsync(organizationId, method, providerRequestId, CancellationToken.None);
            return (new PurchaseStarted(purchase.Id, status, method,
                "Check your phone and enter your M-Pesa PIN to pay."), null);
        }

        var error = started.Error!;
        if (error.Code == OutcomeUnknownCode)
        {
            logger.LogWarning("Purchase {PurchaseId} of organization {OrganizationId}: the payment request's answer was lost; left pending",
                purchase.Id, organizationId);
            return (new PurchaseStarted(purchase.Id, PurchaseStatus.Pending, method,
                "If an M-Pesa prompt appears on your phone, enter your PIN; this page updates when the payment is confirmed."), null);
        }

        logger.LogWarning("Purchase {PurchaseId} of organization {OrganizationId}: payment request refused ({Kind} {Code})",
            purchase.Id, organizationId, error.Kind, error.Code);
        await outcomes.FailedAsync(PurchaseKey.ById(organizationId, purchase.Id), CustomerMessages.ProviderRefused, null, null, CancellationToken.None);
        return Refused(502, PurchaseProblem.ProviderError, CustomerMessages.ProviderRefused, purchase.Id);
    }

    /// <summary>
    /// Saves the provider's request id on the purchase. Its callback may have been faster and already paid the
    /// purchase (a success callback adopts a pending purchase without a request id from the same phone for the same
    /// amount): then the purchase already carries this id, or, if it adopted another of the customer's identical
    /// payments, this id is left for that payment's purchase to adopt. Either way nothing is lost and the customer
    /// gets an answer, never an error.
    /// </summary>
    private async Task<PurchaseStatus> RecordProviderRequestAsync(HotspotDbContext db, Purchase purchase, string providerRequestId)
    {
        try
        {
            purchase.RecordProviderRequest(providerRequestId, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
            return purchase.Status;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e))
        {
            await using var fresh = await contexts.CreateDbContextAsync(CancellationToken.None);
            var current = await fresh.Purchases.AsNoTracking().SingleAsync(p => p.Id == purchase.Id, CancellationToken.None);
            if (current.ProviderRequestId != providerRequestId)
                logger.LogWarning("Purchase {PurchaseId} of organization {OrganizationId} ({Status}, request {CurrentRequestId}) could not record payment " +
                    "request {ProviderRequestId}: an identical purchase of the same customer adopted one of the two first; each payment's callback pays one of them",
                    purchase.Id, purchase.OrganizationId, current.Status, current.ProviderRequestId, providerRequestId);
            return current.Status;
        }
    }

    private static (PurchaseStarted?, PurchaseProblem?) Refused(int status, string code, string message, Guid? purchaseId = null) =>
        (null, new PurchaseProblem(status, code, message, purchaseId));
}
