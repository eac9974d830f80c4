# Hotspot API: build with the .NET SDK, run on the slim ASP.NET runtime as a non-root user.
#   docker build -t hotspot .
#   docker run -p 8080:8080 -v hotspot-data:/data -e HOTSPOT_ENCRYPTION_KEY=... hotspot
# Hotspot.Tests/Api/PublishTests runs the same `dotnet publish` (no Docker engine on the build machines).

# The admin dashboard (React + Vite) in its own stage: the SDK image has no Node.js; only dist/ goes on.
FROM node:20-bookworm-slim AS dashboard
WORKDIR /src/Hotspot.Dashboard
COPY Hotspot.Dashboard/package.json Hotspot.Dashboard/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY Hotspot.Dashboard/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is reused while only code changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY Hotspot.Domain/Hotspot.Domain.csproj Hotspot.Domain/
COPY Hotspot.GraphQL/Hotspot.GraphQL.csproj Hotspot.GraphQL/
COPY Hotspot.Providers/Hotspot.Providers.csproj Hotspot.Providers/
COPY Hotspot.Storage/Hotspot.Storage.csproj Hotspot.Storage/
COPY Hotspot.Api/Hotspot.Api.csproj Hotspot.Api/
# _IsPublishing as `dotnet publish` sets it: the csproj then picks the runtime identifier ReadyToRun needs, so the
# restore fetches its runtime and crossgen packs here and the publish below stays offline.
RUN dotnet restore Hotspot.Api/Hotspot.Api.csproj -p:_IsPublishing=true
COPY . .
COPY --from=dashboard /src/Hotspot.Dashboard/dist Hotspot.Dashboard/dist
# BuildDashboard=false: the dashboard stage built it; publish copies dist/ into /app/admin. ReadyToRun comes from the
# csproj (benchmarks/startup/run.sh measures this same publish).
RUN dotnet publish Hotspot.Api/Hotspot.Api.csproj -c Release -o /app --no-restore -p:BuildDashboard=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    HOTSPOT_DATA_DIR=/data \
    Management__Url=http://0.0.0.0:9464 \
    DOTNET_NOLOGO=1
# SQLite file and development key live in /data unless ConnectionStrings__Hotspot points at PostgreSQL.
RUN mkdir -p /data && chown "$APP_UID" /data
COPY --from=build /app .
USER $APP_UID
VOLUME ["/data"]
# 8080 serves the API; 9464 serves /metrics to the operator's Prometheus (keep it off the public network).
EXPOSE 8080 9464
# The runtime image has no curl or wget: the API itself probes /healthz and exits 0 or 1.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["dotnet", "Hotspot.Api.dll", "--probe-health"]
ENTRYPOINT ["dotnet", "Hotspot.Api.dll"]
