using Hotspot.Api.Extensions;
using Hotspot.Api.Health;

// `Hotspot.Api --probe-health` is the container's HEALTHCHECK: the runtime image has no curl.
if (HealthProbe.IsRequested(args))
    return await HealthProbe.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddHotspotApi();

var app = builder.Build();
app.MapHotspotApi();

await app.RunAsync();
return 0;

public partial class Program;
