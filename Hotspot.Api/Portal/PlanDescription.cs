using System.Globalization;
using Hotspot.Domain.Plans;

namespace Hotspot.Api.Portal;

/// <summary>A plan in the words a customer reads on the portal: "KES 50", "1 day · 2 GB · 5 Mbps · 2 devices".</summary>
public static class PlanDescription
{
    public static string Price(long priceKes) => "KES " + priceKes.ToString("N0", CultureInfo.InvariantCulture);

    public static string Details(Plan plan)
    {
        var parts = new List<string> { Duration(plan.Duration) };
        parts.Add(plan.DataCapBytes is { } cap ? Data(cap) : "unlimited data");
        if (plan.DownloadRateKbps is { } down)
            parts.Add("up to " + Speed(down));
        parts.Add(plan.MaxDevices == 1 ? "1 device" : $"{plan.MaxDevices} devices");
        return string.Join(" · ", parts);
    }

    public static string Duration(TimeSpan duration)
    {
        if (duration.Ticks % TimeSpan.TicksPerDay == 0)
        {
            var days = (long)duration.TotalDays;
            return days % 7 == 0 && days < 28 ? Count(days / 7, "week") : Count(days, "day");
        }
        if (duration.Ticks % TimeSpan.TicksPerHour == 0)
            return Count((long)duration.TotalHours, "hour");
        if (duration < TimeSpan.FromHours(1))
            return Count((long)duration.TotalMinutes, "minute");
        return $"{(long)duration.TotalHours} h {duration.Minutes} min";
    }

    public static string Data(long bytes)
    {
        const double gigabyte = 1024d * 1024 * 1024, megabyte = 1024d * 1024;
        return bytes >= gigabyte
            ? (bytes / gigabyte).ToString("0.#", CultureInfo.InvariantCulture) + " GB"
            : Math.Max(1, Math.Round(bytes / megabyte)).ToString("0", CultureInfo.InvariantCulture) + " MB";
    }

    public static string Speed(long kbps) => kbps >= 1000
        ? (kbps / 1000d).ToString("0.#", CultureInfo.InvariantCulture) + " Mbps"
        : kbps.ToString(CultureInfo.InvariantCulture) + " kbps";

    private static string Count(long count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
