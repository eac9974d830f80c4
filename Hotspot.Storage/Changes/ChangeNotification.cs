namespace Hotspot.Storage.Changes;

/// <summary>
/// The database's word that a change committed: which kind of row, whose organization, which row. PostgreSQL's
/// triggers send it as the payload <c>kind:organization-id:row-id</c> on <see cref="Channel"/>; SQLite's write it
/// to <c>change_events</c>. Nothing else travels: a subscriber reads the row itself.
/// </summary>
public sealed record ChangeNotification(string Kind, Guid OrganizationId, Guid RowId)
{
    /// <summary>The PostgreSQL NOTIFY channel.</summary>
    public const string Channel = "hotspot_changes";

    /// <summary>A row stored in <c>isp_mpesa_transactions</c> or <c>isp_kopokopo_transactions</c>.</summary>
    public const string PaymentKind = "payment";

    /// <summary>A purchase created or its status changed.</summary>
    public const string PurchaseKind = "purchase";

    /// <summary>A RADIUS session started or stopped.</summary>
    public const string SessionKind = "session";

    /// <summary>The NOTIFY payload, as <see cref="Parse"/> reads it.</summary>
    public string Payload => $"{Kind}:{OrganizationId}:{RowId}";

    /// <summary>Reads a NOTIFY payload; null for anything malformed.</summary>
    public static ChangeNotification? Parse(string payload)
    {
        var parts = payload.Split(':');
        if (parts.Length != 3 || !Guid.TryParse(parts[1], out var organizationId) || !Guid.TryParse(parts[2], out var rowId))
            return null;
        return parts[0] is PaymentKind or PurchaseKind or SessionKind ? new ChangeNotification(parts[0], organizationId, rowId) : null;
    }
}
