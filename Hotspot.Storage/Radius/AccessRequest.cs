namespace Hotspot.Storage.Radius;

/// <summary>The parts of an Access-Request that authorize needs.</summary>
public sealed record AccessRequest(string? UserName, string? NasIdentifier, string? NasIpAddress, string? CallingStationId);
