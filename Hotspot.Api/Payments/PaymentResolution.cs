using Hotspot.Domain.Text;
using Hotspot.Domain.Transactions;

namespace Hotspot.Api.Payments;

/// <summary>What was decided about a payment kept for review, by whom and when; the voucher when it bought one.</summary>
public sealed record PaymentResolution(PaymentResolutionAction Action, string? Note, string ResolvedBy, DateTime ResolvedAt, Guid? VoucherId)
{
    /// <summary>The actor of a voucher the customer claimed on the portal with the payment's receipt.</summary>
    public const string PortalClaim = "portal claim";

    /// <summary>A note as stored: trimmed, at most 500 characters, null when empty.</summary>
    public static string? CleanNote(string? note) =>
        string.IsNullOrWhiteSpace(note) ? null : TextLimits.Truncate(note.Trim(), 500);

    public static PaymentResolution? Of(StoredCallback row) =>
        row.Resolution is { } action ? new(action, row.ResolutionNote, row.ResolvedBy ?? "", row.ResolvedAt ?? default, row.ResolutionVoucherId) : null;
}
