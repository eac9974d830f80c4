using Hotspot.Domain.Radius;

namespace Hotspot.Storage.Radius;

/// <summary>
/// The parts of an Accounting-Request that the session table keeps. <see cref="Class"/> is the Class attribute the
/// router echoes from the Access-Accept (<see cref="SessionClass"/>): it names the voucher when the User-Name is a MAC.
/// </summary>
public sealed record AccountingRequest(
    AccountingStatus Status,
    string? AcctSessionId,
    string? UserName,
    string? NasIdentifier,
    string? NasIpAddress,
    string? CallingStationId,
    string? FramedIpAddress,
    AccountingCounters Counters,
    string? TerminateCause,
    string? Class = null);
