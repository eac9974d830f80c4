using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>An input object type; with <c>@oneOf</c>, exactly one field must be given, and not null.</summary>
public sealed class InputObjectType(
    string name,
    string? description = null,
    IReadOnlyList<DirectiveNode>? directives = null,
    InputObjectTypeDefinitionNode? astNode = null,
    IReadOnlyList<TypeExtensionNode>? extensionAstNodes = null,
    bool isOneOf = false)
    : NamedType(name, description, directives, astNode, extensionAstNodes)
{
    private InputValueDefinition[] _fields = [];
    private Dictionary<string, InputValueDefinition> _fieldsByName = new(StringComparer.Ordinal);

    public override TypeKind Kind => TypeKind.InputObject;

    public bool IsOneOf { get; } = isOneOf;

    public IReadOnlyList<InputValueDefinition> Fields => _fields;

    public InputValueDefinition? GetField(string name) => _fieldsByName.GetValueOrDefault(name);

    internal void Complete(IReadOnlyList<InputValueDefinition> fields)
    {
        _fields = [.. fields];
        var byName = new Dictionary<string, InputValueDefinition>(StringComparer.Ordinal);
        foreach (var field in _fields)
        {
            byName.TryAdd(field.Name, field);
        }

        _fieldsByName = byName;
    }
}
