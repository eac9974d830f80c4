namespace Hotspot.GraphQL.Binding;

/// <summary>
/// The GraphQL name of a resolver method's field, or of a parameter's argument, when the C# name does not say it
/// (for example a field named like a C# keyword).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter)]
public sealed class GraphQLNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
