namespace Hotspot.Storage.Radius;

public enum AccountingResult
{
    /// <summary>The report was recorded (or was a harmless repeat).</summary>
    Recorded,

    /// <summary>The request came from no registered router.</summary>
    UnknownRouter,

    /// <summary>The report lacks a session id or names no voucher of the router's organization; nothing stored.</summary>
    Ignored,
}
