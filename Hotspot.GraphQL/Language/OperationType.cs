namespace Hotspot.GraphQL.Language;

/// <summary>The three operation types of the spec.</summary>
public enum OperationType
{
    Query,
    Mutation,
    Subscription,
}
