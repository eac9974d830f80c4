using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>A directive the schema knows: built-in (<c>@skip</c>, <c>@include</c>, ...) or defined in SDL.</summary>
public sealed class DirectiveDefinition
{
    private readonly Dictionary<string, InputValueDefinition> _argumentsByName;

    public DirectiveDefinition(
        string name,
        IReadOnlyList<DirectiveLocation> locations,
        IReadOnlyList<InputValueDefinition>? arguments = null,
        bool isRepeatable = false,
        string? description = null,
        DirectiveDefinitionNode? astNode = null,
        string? deprecationReason = null)
    {
        Name = name;
        Locations = locations;
        Arguments = arguments ?? [];
        IsRepeatable = isRepeatable;
        Description = description;
        AstNode = astNode;
        DeprecationReason = deprecationReason;
        _argumentsByName = new Dictionary<string, InputValueDefinition>(StringComparer.Ordinal);
        foreach (var argument in Arguments)
        {
            _argumentsByName.TryAdd(argument.Name, argument);
        }
    }

    public string Name { get; }

    public IReadOnlyList<DirectiveLocation> Locations { get; }

    public IReadOnlyList<InputValueDefinition> Arguments { get; }

    public bool IsRepeatable { get; }

    public string? Description { get; }

    public DirectiveDefinitionNode? AstNode { get; }

    public string? DeprecationReason { get; }

    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>True for the directives the spec defines (<c>@include</c>, <c>@skip</c>, <c>@deprecated</c>, <c>@specifiedBy</c>, <c>@oneOf</c>).</summary>
    public bool IsSpecified => BuiltInDirectives.IsSpecified(this);

    public InputValueDefinition? GetArgument(string name) => _argumentsByName.GetValueOrDefault(name);

    public override string ToString() => "@" + Name;
}
