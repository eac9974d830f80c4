namespace Hotspot.Api.Sandbox;

/// <summary>The provider simulators, when <see cref="SandboxSimulators.IsEnabled"/> (Development, or <c>Sandbox:Enabled</c>).</summary>
public static class SandboxExtensions
{
    public static WebApplicationBuilder AddSandbox(this WebApplicationBuilder builder)
    {
        if (SandboxSimulators.IsEnabled(builder.Configuration, builder.Environment))
            SandboxSimulators.Add(builder);
        return builder;
    }

    public static WebApplication MapSandbox(this WebApplication app)
    {
        if (SandboxSimulators.IsEnabled(app.Configuration, app.Environment))
            SandboxSimulators.Map(app);
        return app;
    }
}
