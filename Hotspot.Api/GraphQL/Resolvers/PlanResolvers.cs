using Hotspot.Domain.Plans;
using Hotspot.GraphQL.Binding;

namespace Hotspot.Api.GraphQL;

/// <summary>The fields of <c>Plan</c> that are not its properties.</summary>
[ObjectType("Plan", typeof(Plan))]
public static class PlanResolvers
{
    public static long DurationSeconds([Parent] Plan plan) => (long)plan.Duration.TotalSeconds;
}
