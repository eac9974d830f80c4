using Hotspot.Api.Extensions;
using Hotspot.Api.Health;

// `Hotspot.Api --probe-health` is the container's HEALTHCHECK: the runtime image has no curl.
if (HealthProbe.IsRequested(args))
    return await HealthProbe.RunAsync(args);

// appsettings*.json are read once, not watched: nothing here reads them again, and the file watchers cost start-up
// time and a thread. An operator who sets DOTNET_hostBuilder__reloadConfigOnChange keeps the choice.
if (Environment.GetEnvironmentVariable(ReloadConfigOnChange) is null)
    Environment.SetEnvironmentVariable(ReloadConfigOnChange, "false");
// The slim builder leaves out what this API does not use (IIS integration, the Windows event log, regular-expression
// route constraints) and so starts faster; HTTPS endpoints in the Kestrel configuration still work.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration();
builder.AddHotspotApi();

var app = builder.Build();
app.MapHotspotApi();

await app.RunAsync();
return 0;

public partial class Program
{
    private const string ReloadConfigOnChange = "DOTNET_hostBuilder__reloadConfigOnChange";
}
