using Hotspot.Domain.Radius;

namespace Hotspot.Storage.Radius;

/// <summary>The parts of an Accounting-Request that the session table keeps.</summary>
public sealed record AccountingRequest(
    AccountingStatus Status,
    string? AcctSessionId,
    string? UserName,
    string? NasIdentifier,
    string? NasIpAddress,
    string? CallingStationId,
    string? FramedIpAddress,
    AccountingCounters Counters,
    string? TerminateCause);
