using Hotspot.Domain.Radius;
using Hotspot.GraphQL.Binding;

namespace Hotspot.Api.GraphQL;

/// <summary>The router of a <c>RadiusSession</c>, through a data loader; the other fields are its properties.</summary>
[ObjectType("RadiusSession", typeof(RadiusSession))]
public static class RadiusSessionResolvers
{
    public static Task<Router?> RouterAsync([Parent] RadiusSession session, ResolverContext context) =>
        DataLoaders.Routers(context).LoadAsync(session.RouterId);
}
