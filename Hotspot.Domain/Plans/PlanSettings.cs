namespace Hotspot.Domain.Plans;

/// <summary>What an admin chooses for a plan. Rates are in kilobits per second.</summary>
public sealed record PlanSettings(
    string? Name,
    long PriceKes,
    TimeSpan Duration,
    long? DataCapBytes = null,
    long? UploadRateKbps = null,
    long? DownloadRateKbps = null,
    int MaxDevices = 1);
