using Hotspot.Domain.Radius;

namespace Hotspot.Api.Events;

/// <summary>A RADIUS session that started or stopped, as <c>routerSessionChanged</c> sends it.</summary>
public sealed record RouterSessionEvent(RouterSessionChange Kind, RadiusSession Session);
