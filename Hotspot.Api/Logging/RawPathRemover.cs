using Serilog.Core;
using Serilog.Events;

namespace Hotspot.Api.Logging;

/// <summary>
/// Drops the raw request path that ASP.NET Core's hosting scope puts on every event: Daraja callback paths carry the
/// organization's secret token. The matched route template (<c>Route</c>, from <see cref="RequestLoggingMiddleware"/>)
/// says the same without it.
/// </summary>
public sealed class RawPathRemover : ILogEventEnricher
{
    public const string PropertyName = "RequestPath";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) => logEvent.RemovePropertyIfPresent(PropertyName);
}
