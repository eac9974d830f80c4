using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>An argument (of a field or directive) or a field of an input object.</summary>
public sealed class InputValueDefinition(
    string name,
    GraphQLType type,
    ValueNode? defaultValue = null,
    string? description = null,
    string? deprecationReason = null,
    IReadOnlyList<DirectiveNode>? directives = null,
    InputValueDefinitionNode? astNode = null)
{
    public string Name { get; } = name;

    public GraphQLType Type { get; } = type;

    /// <summary>The default value as written in SDL (a constant literal), or null when there is none.</summary>
    public ValueNode? DefaultValue { get; } = defaultValue;

    public bool HasDefaultValue => DefaultValue is not null;

    /// <summary>Non-null and without a default: it must be given.</summary>
    public bool IsRequired => Type is NonNullType && DefaultValue is null;

    public string? Description { get; } = description;

    public string? DeprecationReason { get; } = deprecationReason;

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives ?? [];

    public InputValueDefinitionNode? AstNode { get; } = astNode;

    public override string ToString() => Name;
}
