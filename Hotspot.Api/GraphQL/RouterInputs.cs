using Hotspot.Domain.Radius;

namespace Hotspot.Api.GraphQL;

/// <summary>A router's new settings (all of them), as in <c>UpdateRouterInput</c>.</summary>
public sealed record UpdateRouterInput(
    string Name, string? NasIdentifier, string? IpAddress, RouterAttributeProfile AttributeProfile = RouterAttributeProfile.Mikrotik);

/// <summary>The answer of <c>removeRouter</c>: the removed router's id and the organization as it is now.</summary>
public sealed record RemoveRouterPayload(bool Success, Guid RouterId, Hotspot.Domain.Organizations.Organization Organization);
