namespace Hotspot.Api.Development;

public static class DevelopmentExtensions
{
    /// <summary>Seeds <see cref="DemoOrganization"/> in Development, or wherever <c>Development:SeedDemo</c> is true.</summary>
    public static WebApplicationBuilder AddDemoOrganization(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool?>("Development:SeedDemo") ?? builder.Environment.IsDevelopment())
            builder.Services.AddHostedService<DemoOrganization>();
        return builder;
    }
}
