namespace Hotspot.Api.Health;

/// <summary>
/// A tiny HTTP client for the container HEALTHCHECK: <c>dotnet Hotspot.Api.dll --probe-health [url]</c> exits 0
/// when <c>/healthz</c> answers 200, else 1. The ASP.NET runtime image has neither curl nor wget.
/// </summary>
public static class HealthProbe
{
    public const string Flag = "--probe-health";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Flag;

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : DefaultUrl();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var response = await client.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
        {
            Console.Error.WriteLine($"health probe failed: {e.Message}");
            return 1;
        }
    }

    // The aspnet images listen on ASPNETCORE_HTTP_PORTS (8080 by default).
    private static string DefaultUrl()
    {
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split([';', ','])[0].Trim();
        return $"http://127.0.0.1:{port}/healthz";
    }
}
