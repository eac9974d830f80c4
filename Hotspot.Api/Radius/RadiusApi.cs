using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Secrets;
using Hotspot.Domain.Vouchers;
using Hotspot.Providers.Common;
using Hotspot.Providers.Http;
using Hotspot.Storage.Radius;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Radius;

/// <summary>
/// The routes FreeRADIUS's rlm_rest calls (deploy/freeradius). Status codes follow rlm_rest: 200 with attributes
/// = ok/updated, 401 = reject (its Reply-Message reaches the router), 204 = ok, anything else = fail.
/// </summary>
public static class RadiusApi
{
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>2²⁰ gigawords = 2⁵² bytes (4 PiB) per direction and session: far beyond any hotspot session, and sums stay far from 2⁶³.</summary>
    private const long MaxGigawords = 1 << 20;

    public static IEndpointRouteBuilder MapRadiusApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/radius").AddEndpointFilter<RadiusSecretFilter>().ExcludeFromDescription();
        group.MapPost("/authorize", AuthorizeAsync);
        group.MapPost("/authenticate", AuthenticateAsync);
        group.MapPost("/accounting", AccountingAsync);
        group.MapPost("/post-auth", PostAuthAsync);
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpRequest http, RadiusAuthorization authorization, RadiusPolicy policy,
        WrongCodeLimiter wrongCodes, IOptions<RadiusOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (attributes, problem) = await ReadAsync(http, cancellationToken);
        if (attributes is null)
            return BadBody(http, problem!);
        var logger = loggers.CreateLogger("Hotspot.Api.Radius.Authorize");
        var userName = attributes["User-Name"];
        var nas = attributes["NAS-Identifier"] ?? attributes["NAS-IP-Address"];
        var device = attributes["Calling-Station-Id"];
        if (await wrongCodes.LockedForAsync(nas, device, cancellationToken) is { } locked)
        {
            logger.LogInformation("Access refused without lookup: device {Mac} at NAS {Nas} is locked out for {Seconds} s after wrong codes",
                device, nas, (int)locked.TotalSeconds);
            return Reject(WrongCodeLimiter.Message(locked));
        }
        var outcome = await authorization.AuthorizeAsync(
            new AccessRequest(userName, attributes["NAS-Identifier"], attributes["NAS-IP-Address"], attributes["Calling-Station-Id"]),
            cancellationToken);

        if (outcome.UnknownRouter)
        {
            logger.LogWarning("Access-Request from an unregistered router (NAS-Identifier {NasIdentifier}, NAS-IP-Address {NasIp})",
                attributes["NAS-Identifier"], attributes["NAS-IP-Address"]);
            return Reject(outcome.Decision.RejectMessage!);
        }
        var decision = outcome.Decision;
        if (outcome.UnknownCode && await wrongCodes.RecordWrongCodeAsync(nas, device, cancellationToken))
            logger.LogWarning("Device {Mac} at router {RouterId} sent too many unknown voucher codes; locked out", device, outcome.Router!.Id);
        if (!decision.Accepted)
        {
            logger.LogInformation("Access rejected at router {RouterId} of organization {OrganizationId}: {Reason}",
                outcome.Router!.Id, outcome.Router.OrganizationId, decision.RejectMessage);
            return Reject(decision.RejectMessage!);
        }

        await wrongCodes.RecordAcceptedAsync(nas, device, cancellationToken);
        logger.LogInformation("Access accepted at router {RouterId} of organization {OrganizationId} for {Seconds} s{How}",
            outcome.Router!.Id, outcome.Router.OrganizationId, decision.SessionTimeoutSeconds, outcome.MacLogin ? " (MAC login)" : "");
        // A MAC login's password is the router's mac-auth-password (Radius:MacAuthPassword), or the MAC itself.
        var password = outcome.MacLogin ? options.Value.MacAuthPassword ?? userName! : userName!;
        return TypedResults.Json(AcceptReply(password, outcome.VoucherId!.Value, decision, outcome.Router, policy).ToJson());
    }

    /// <summary>
    /// FreeRADIUS checks the password itself (pap/chap against control:Cleartext-Password), so this route only
    /// exists for configurations that set Auth-Type := rest; it repeats the authorize decision.
    /// </summary>
    private static async Task<IResult> AuthenticateAsync(HttpRequest http, RadiusAuthorization authorization, IOptions<RadiusOptions> options,
        CancellationToken cancellationToken)
    {
        var (attributes, problem) = await ReadAsync(http, cancellationToken);
        if (attributes is null)
            return BadBody(http, problem!);
        var userName = attributes["User-Name"];
        var password = attributes["User-Password"];
        if (userName is null || password is null)
            return Reject(AuthorizeDecision.NotValid);
        var codeMatches = VoucherCode.Normalize(password) == VoucherCode.Normalize(userName);
        if (!codeMatches && MacLogin.DeviceMac(userName, attributes["Calling-Station-Id"]) is null)
            return Reject(AuthorizeDecision.NotValid);
        var outcome = await authorization.AuthorizeAsync(
            new AccessRequest(userName, attributes["NAS-Identifier"], attributes["NAS-IP-Address"], attributes["Calling-Station-Id"]),
            cancellationToken);
        var passwordMatches = outcome.MacLogin
            ? ConstantTime.Matches(password, options.Value.MacAuthPassword ?? userName)
            : codeMatches;
        if (!passwordMatches)
            return Reject(AuthorizeDecision.NotValid);
        return outcome.Decision.Accepted ? TypedResults.NoContent() : Reject(outcome.Decision.RejectMessage!);
    }

    private static async Task<IResult> AccountingAsync(HttpRequest http, RadiusAccounting accounting, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (attributes, problem) = await ReadAsync(http, cancellationToken);
        if (attributes is null)
            return BadBody(http, problem!);
        var status = ParseStatus(attributes["Acct-Status-Type"]);
        if (status is null)
            return TypedResults.NoContent(); // other status types (e.g. Failed) carry nothing we keep

        if (!TryReadCounters(attributes, out var counters, out var badCounter))
            return BadBody(http, badCounter);
        var result = await accounting.RecordAsync(new AccountingRequest(
            status.Value, attributes["Acct-Session-Id"], attributes["User-Name"], attributes["NAS-Identifier"],
            attributes["NAS-IP-Address"], attributes["Calling-Station-Id"], attributes["Framed-IP-Address"],
            counters, attributes["Acct-Terminate-Cause"], attributes["Class"]), cancellationToken);

        if (result == AccountingResult.UnknownRouter)
        {
            loggers.CreateLogger("Hotspot.Api.Radius.Accounting").LogWarning(
                "Accounting from an unregistered router (NAS-Identifier {NasIdentifier}, NAS-IP-Address {NasIp})",
                attributes["NAS-Identifier"], attributes["NAS-IP-Address"]);
            return TypedResults.Problem("Unknown router.", statusCode: StatusCodes.Status403Forbidden);
        }
        return TypedResults.NoContent();
    }

    private static async Task<IResult> PostAuthAsync(HttpRequest http, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (attributes, problem) = await ReadAsync(http, cancellationToken);
        if (attributes is null)
            return BadBody(http, problem!);
        // The voucher code is a bearer secret: log where and who (MAC), never the code.
        loggers.CreateLogger("Hotspot.Api.Radius.PostAuth").LogInformation(
            "Login finished at NAS {NasIdentifier} ({NasIp}) for device {Mac}",
            attributes["NAS-Identifier"], attributes["NAS-IP-Address"], attributes["Calling-Station-Id"]);
        return TypedResults.NoContent();
    }

    private static RlmRestReply AcceptReply(string password, Guid voucherId, AuthorizeDecision decision, Router router, RadiusPolicy policy)
    {
        // The password is the code as the customer typed it, so CHAP (which hashes the typed text) matches.
        var reply = new RlmRestReply()
            .Set("control:Cleartext-Password", password)
            .Set("reply:Class", SessionClass.For(voucherId))
            .Set("reply:Session-Timeout", Math.Min(decision.SessionTimeoutSeconds, uint.MaxValue))
            .Set("reply:Idle-Timeout", policy.IdleTimeoutSeconds)
            .Set("reply:Acct-Interim-Interval", policy.InterimIntervalSeconds)
            .Set("reply:WISPr-Session-Terminate-Time", decision.ExpiresAt.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture));
        if (router.AttributeProfile == RouterAttributeProfile.Mikrotik)
        {
            if (decision.UploadRateKbps is not null || decision.DownloadRateKbps is not null)
                // MikroTik's view: rx (client upload) / tx (client download); 0 means unlimited.
                reply.Set("reply:Mikrotik-Rate-Limit", $"{decision.UploadRateKbps ?? 0}k/{decision.DownloadRateKbps ?? 0}k");
            if (decision.BytesLeft is { } left)
                reply.Set("reply:Mikrotik-Total-Limit", left & 0xFFFF_FFFFL)
                     .Set("reply:Mikrotik-Total-Limit-Gigawords", left >> 32);
        }
        return reply;
    }

    private static IResult Reject(string message) =>
        TypedResults.Json(new RlmRestReply().Set("reply:Reply-Message", message).ToJson(), statusCode: StatusCodes.Status401Unauthorized);

    private static AccountingStatus? ParseStatus(string? value) => value switch
    {
        "Start" or "1" => AccountingStatus.Start,
        "Stop" or "2" => AccountingStatus.Stop,
        "Interim-Update" or "Alive" or "3" => AccountingStatus.InterimUpdate,
        "Accounting-On" or "7" => AccountingStatus.AccountingOn,
        "Accounting-Off" or "8" => AccountingStatus.AccountingOff,
        _ => null,
    };

    /// <summary>The attributes, or what is wrong with the body (answered 400, which rlm_rest treats as fail: a reject).</summary>
    private static async Task<(RlmRestAttributes? Attributes, string? Problem)> ReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        var body = await BoundedBody.ReadAsync(http, MaxBodyBytes, cancellationToken);
        if (body is null)
            return (null, $"The body is larger than {MaxBodyBytes / 1024} KB.");
        if (!UntrustedJson.TryParse(body, out var document, out var problem))
            return (null, problem);
        using (document)
        {
            return RlmRestAttributes.Parse(document.RootElement) is { } attributes
                ? (attributes, null)
                : (null, "The body must be a JSON object of rlm_rest attributes.");
        }
    }

    /// <summary>
    /// The accounting counters, each an unsigned 32-bit RADIUS integer. Gigawords are also held to
    /// <see cref="MaxGigawords"/>: in range for RADIUS, 2³² gigawords would be 2⁶⁴ bytes, more than a long holds, and a
    /// voucher's usage is the sum over its sessions, which must not overflow either.
    /// </summary>
    private static bool TryReadCounters(RlmRestAttributes attributes, out AccountingCounters counters, [NotNullWhen(false)] out string? problem)
    {
        counters = default;
        if (!attributes.TryUnsigned32("Acct-Input-Octets", out var inputOctets, out problem)
            || !attributes.TryUnsigned32("Acct-Input-Gigawords", out var inputGigawords, out problem)
            || !attributes.TryUnsigned32("Acct-Output-Octets", out var outputOctets, out problem)
            || !attributes.TryUnsigned32("Acct-Output-Gigawords", out var outputGigawords, out problem)
            || !attributes.TryUnsigned32("Acct-Session-Time", out var sessionSeconds, out problem))
            return false;
        if (Math.Max(inputGigawords, outputGigawords) > MaxGigawords)
        {
            problem = $"Acct-Input-Gigawords and Acct-Output-Gigawords must be at most {MaxGigawords} (4 PiB per direction; RADIUS allows 4294967295, no session carries that much).";
            return false;
        }
        counters = new AccountingCounters(AccountingCounters.Bytes(inputOctets, inputGigawords), AccountingCounters.Bytes(outputOctets, outputGigawords),
            sessionSeconds);
        return true;
    }

    /// <summary>A body we cannot use: one warning line (it names no attribute value but a bad counter), never the body.</summary>
    private static IResult BadBody(HttpRequest http, string problem)
    {
        http.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Hotspot.Api.Radius")
            .LogWarning("RADIUS {Path} request refused: {Problem}", http.Path.Value, problem);
        return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Bad rlm_rest body");
    }
}
