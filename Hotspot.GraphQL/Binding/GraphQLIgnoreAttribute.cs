namespace Hotspot.GraphQL.Binding;

/// <summary>A public method of a resolver class that is no resolver (a helper other classes call).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GraphQLIgnoreAttribute : Attribute;
