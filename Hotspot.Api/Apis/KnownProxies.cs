using Hotspot.Api.Payments;
using Microsoft.AspNetCore.HttpOverrides;

namespace Hotspot.Api.Apis;

/// <summary>
/// Reverse proxies whose <c>X-Forwarded-For</c> is believed: <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges). Only a request arriving from one of them has its client address
/// taken from the header (walking back through every known proxy in the chain); anyone else's header is ignored, so a
/// direct client cannot pose as Safaricom or dodge rate limits. With none configured the header is never read.
/// </summary>
public static class KnownProxies
{
    public const string SectionName = "ForwardedHeaders";

    public static WebApplicationBuilder AddKnownProxies(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SectionName);
        var proxies = AddressRanges.Entries(section.GetSection("KnownProxies")) ?? [];
        var networks = AddressRanges.Entries(section.GetSection("KnownNetworks")) ?? [];
        var ranges = proxies.Select(p => AddressRanges.Parse(p, SectionName + ":KnownProxies"))
            .Concat(networks.Select(n => AddressRanges.Parse(n, SectionName + ":KnownNetworks")))
            .ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; here only what is configured counts.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var range in ranges)
                options.KnownIPNetworks.Add(range);
            options.ForwardLimit = null;
        });
        return builder;
    }

    /// <summary>First in the pipeline, so logging, rate limits and callback checks see the real client.</summary>
    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        // Without a known proxy the middleware would still trust a request with no peer address at all; skip it.
        if (options.KnownIPNetworks.Count > 0)
            app.UseForwardedHeaders();
        return app;
    }
}
