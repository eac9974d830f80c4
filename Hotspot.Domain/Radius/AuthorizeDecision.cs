namespace Hotspot.Domain.Radius;

/// <summary>The answer to an Access-Request: accept with the limits the router enforces, or reject with a reason.</summary>
public sealed record AuthorizeDecision
{
    public const string NotValid = "Voucher not valid";
    public const string Expired = "Voucher expired";
    public const string DataUsedUp = "Data used up";
    public const string DeviceLimitReached = "Device limit reached";
    public const string Revoked = "Voucher revoked";

    public bool Accepted { get; private init; }

    /// <summary>For a reject: the Reply-Message the router shows the customer.</summary>
    public string? RejectMessage { get; private init; }

    /// <summary>The voucher is unused and this login starts its time (the caller activates it, once).</summary>
    public bool ActivatesVoucher { get; private init; }

    public long SessionTimeoutSeconds { get; private init; }
    public DateTime ExpiresAt { get; private init; }

    /// <summary>Bytes the voucher may still use, or null when the plan has no data cap.</summary>
    public long? BytesLeft { get; private init; }

    public long? UploadRateKbps { get; private init; }
    public long? DownloadRateKbps { get; private init; }

    public static AuthorizeDecision Reject(string message) => new() { Accepted = false, RejectMessage = message };

    public static AuthorizeDecision Accept(bool activates, long sessionTimeoutSeconds, DateTime expiresAt, long? bytesLeft, long? uploadKbps, long? downloadKbps) =>
        new()
        {
            Accepted = true,
            ActivatesVoucher = activates,
            SessionTimeoutSeconds = sessionTimeoutSeconds,
            ExpiresAt = expiresAt,
            BytesLeft = bytesLeft,
            UploadRateKbps = uploadKbps,
            DownloadRateKbps = downloadKbps,
        };
}
