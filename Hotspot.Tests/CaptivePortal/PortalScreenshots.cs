namespace Hotspot.Tests.CaptivePortal;

/// <summary>HOTSPOT_PORTAL_SCREENSHOTS names a folder to keep a screenshot of each portal screen in, for looking at the layout.</summary>
internal static class PortalScreenshots
{
    public static string? Folder =>
        Environment.GetEnvironmentVariable("HOTSPOT_PORTAL_SCREENSHOTS") is { } folder && !string.IsNullOrWhiteSpace(folder) ? folder : null;
}
