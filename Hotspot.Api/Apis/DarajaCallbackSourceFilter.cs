using System.Text;
using Hotspot.Api.Payments;
using Hotspot.Domain.Transactions;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Apis;

/// <summary>Which kind of Daraja callback a route receives, for the rows the source filter keeps.</summary>
public sealed record DarajaCallbackRoute(MpesaTransactionKind Kind);

/// <summary>
/// Refuses Daraja callbacks from addresses outside <see cref="DarajaCallbackSources"/> with 403. A refused callback
/// may still be real money (Safaricom moved an address), so its raw body is stored for review, without ids, so it
/// can neither settle a purchase nor block the real callback; the reconciler settles the purchase by querying.
/// </summary>
public sealed class DarajaCallbackSourceFilter(
    DarajaCallbackSources sources,
    IDbContextFactory<HotspotDbContext> contexts,
    CallbackTokenCache tokens,
    TimeProvider time,
    ILogger<DarajaCallbackSourceFilter> logger) : IEndpointFilter
{
    private const string ForbiddenBody = """{"ResultCode":1,"ResultDesc":"Callback source not allowed"}""";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var address = http.Connection.RemoteIpAddress;
        if (sources.Allows(address))
            return await next(context);

        var (body, tooLarge) = await RequestBodies.ReadAsync(http);
        if (tooLarge is not null)
            return tooLarge;
        var kind = http.GetEndpoint()?.Metadata.GetMetadata<DarajaCallbackRoute>()?.Kind ?? MpesaTransactionKind.StkCallback;
        var stored = false;
        // Only for an organization that exists: the row belongs to it.
        if (http.Request.RouteValues["organizationId"] is string id && Guid.TryParse(id, out var organizationId)
            && await tokens.TokenOfAsync(organizationId, http.RequestAborted) is not null)
        {
            var transaction = MpesaTransaction.Receive(organizationId, kind, Encoding.UTF8.GetString(body!), time.GetUtcNow().UtcDateTime);
            transaction.MarkRefused($"Sent from {address?.ToString() ?? "an unknown address"}, which is not an allowed Daraja callback address.");
            await using var db = await contexts.CreateDbContextAsync(http.RequestAborted);
            db.MpesaTransactions.Add(transaction);
            await db.SaveChangesAsync(http.RequestAborted);
            stored = true;
        }
        logger.LogWarning("Daraja {Kind} callback from {Address}, not an allowed address, refused (stored for review: {Stored})", kind, address, stored);
        return Results.Text(ForbiddenBody, "application/json", Encoding.UTF8, StatusCodes.Status403Forbidden);
    }
}
