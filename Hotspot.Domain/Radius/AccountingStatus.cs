namespace Hotspot.Domain.Radius;

/// <summary>Acct-Status-Type values a hotspot router sends.</summary>
public enum AccountingStatus
{
    Start,
    InterimUpdate,
    Stop,

    /// <summary>The router (re)started: none of its earlier sessions is still open.</summary>
    AccountingOn,

    /// <summary>The router is shutting down: all its sessions end.</summary>
    AccountingOff,
}
