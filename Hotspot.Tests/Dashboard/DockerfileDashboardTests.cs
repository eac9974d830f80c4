namespace Hotspot.Tests.Dashboard;

/// <summary>The image holds the dashboard: a Node stage builds it and publish copies its dist/ (no Docker engine here to build it).</summary>
public class DockerfileDashboardTests
{
    [Test]
    public void The_dockerfile_builds_the_dashboard_in_a_node_20_stage_and_publishes_its_output()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "Dockerfile"));
        var node = Array.FindIndex(lines, l => l.StartsWith("FROM node:20", StringComparison.Ordinal) && l.EndsWith(" AS dashboard", StringComparison.Ordinal));
        var build = Array.FindIndex(lines, l => l.StartsWith("RUN npm run build", StringComparison.Ordinal));
        var copy = Array.FindIndex(lines, l => l == "COPY --from=dashboard /src/Hotspot.Dashboard/dist Hotspot.Dashboard/dist");
        var publish = Array.FindIndex(lines, l => l.StartsWith("RUN dotnet publish Hotspot.Api/Hotspot.Api.csproj", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(node, Is.GreaterThanOrEqualTo(0), "a node:20 stage named dashboard");
            Assert.That(build, Is.GreaterThan(node), "the stage runs the Vite build");
            Assert.That(copy, Is.GreaterThan(node), "the build stage takes the dashboard's dist/");
            Assert.That(publish, Is.GreaterThan(copy), "publish runs after dist/ is in place, so /app/admin holds it");
            Assert.That(lines[publish], Does.Contain("-p:BuildDashboard=false"), "the SDK image has no Node.js: publish only copies");
        });
        var ignore = File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".dockerignore"));
        Assert.That(ignore, Does.Contain("**/node_modules/"), "a local node_modules must not reach the Node stage");
    }
}
