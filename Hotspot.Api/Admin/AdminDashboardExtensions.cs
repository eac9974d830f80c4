namespace Hotspot.Api.Admin;

public static class AdminDashboardExtensions
{
    public static WebApplicationBuilder AddAdminDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AdminDashboardFiles>();
        return builder;
    }
}
