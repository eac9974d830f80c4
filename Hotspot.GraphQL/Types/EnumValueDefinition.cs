using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>One value of an enum type. Its run-time <see cref="Value"/> is its name unless bound otherwise.</summary>
public sealed class EnumValueDefinition(
    string name,
    string? description = null,
    string? deprecationReason = null,
    IReadOnlyList<DirectiveNode>? directives = null,
    EnumValueDefinitionNode? astNode = null,
    object? value = null)
{
    public string Name { get; } = name;

    public string? Description { get; } = description;

    public string? DeprecationReason { get; } = deprecationReason;

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<DirectiveNode> Directives { get; } = directives ?? [];

    public EnumValueDefinitionNode? AstNode { get; } = astNode;

    /// <summary>What resolvers receive as arguments, and what they may return, for this value.</summary>
    public object Value { get; } = value ?? name;

    public override string ToString() => Name;
}
