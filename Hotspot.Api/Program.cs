using Hotspot.Api.Extensions;
using Hotspot.Api.Health;

// `Hotspot.Api --probe-health` is the container's HEALTHCHECK: the runtime image has no curl.
if (HealthProbe.IsRequested(args))
    return await HealthProbe.RunAsync(args);

// The slim builder leaves out what this API does not use (IIS integration, the Windows event log, regular-expression
// route constraints) and so starts faster; HTTPS endpoints in the Kestrel configuration still work.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration();
builder.AddHotspotApi();

var app = builder.Build();
app.MapHotspotApi();

await app.RunAsync();
return 0;

public partial class Program;
