namespace Hotspot.Storage.Changes;

/// <summary>
/// A committed change that live subscribers may want (a payment stored, a purchase's status, a RADIUS session
/// starting or stopping), as SQLite's triggers record it: ids only. PostgreSQL sends the same through NOTIFY and
/// leaves this table empty.
/// </summary>
public sealed class StoredChange
{
    /// <summary>Grows with every change, so a reader remembers where it stopped.</summary>
    public long Sequence { get; private set; }

    /// <summary><see cref="ChangeNotification.PaymentKind"/>, <see cref="ChangeNotification.PurchaseKind"/> or <see cref="ChangeNotification.SessionKind"/>.</summary>
    public string Kind { get; private set; } = "";

    public Guid OrganizationId { get; private set; }

    /// <summary>The id of the changed row in the kind's table.</summary>
    public Guid RowId { get; private set; }
}
