using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>A field of an object or interface type.</summary>
public sealed class FieldDefinition
{
    private readonly Dictionary<string, InputValueDefinition> _argumentsByName;

    public FieldDefinition(
        string name,
        GraphQLType type,
        IReadOnlyList<InputValueDefinition>? arguments = null,
        string? description = null,
        string? deprecationReason = null,
        IReadOnlyList<DirectiveNode>? directives = null,
        FieldDefinitionNode? astNode = null)
    {
        Name = name;
        Type = type;
        Arguments = arguments ?? [];
        Description = description;
        DeprecationReason = deprecationReason;
        Directives = directives ?? [];
        AstNode = astNode;
        _argumentsByName = new Dictionary<string, InputValueDefinition>(StringComparer.Ordinal);
        foreach (var argument in Arguments)
        {
            _argumentsByName.TryAdd(argument.Name, argument);
        }
    }

    public string Name { get; }

    public GraphQLType Type { get; }

    public IReadOnlyList<InputValueDefinition> Arguments { get; }

    public string? Description { get; }

    /// <summary>The <c>@deprecated(reason:)</c> text, or null when the field is not deprecated.</summary>
    public string? DeprecationReason { get; }

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<DirectiveNode> Directives { get; }

    public FieldDefinitionNode? AstNode { get; }

    /// <summary>The object or interface that defines the field (set when the type is completed).</summary>
    public ComplexType DeclaringType { get; internal set; } = null!;

    public InputValueDefinition? GetArgument(string name) => _argumentsByName.GetValueOrDefault(name);

    public override string ToString() => DeclaringType is null ? Name : $"{DeclaringType.Name}.{Name}";
}
