using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>An object or interface type: it has fields and may implement interfaces.</summary>
public abstract class ComplexType(
    string name,
    string? description,
    IReadOnlyList<DirectiveNode>? directives,
    TypeDefinitionNode? astNode,
    IReadOnlyList<TypeExtensionNode>? extensionAstNodes)
    : NamedType(name, description, directives, astNode, extensionAstNodes)
{
    private FieldDefinition[] _fields = [];
    private InterfaceType[] _interfaces = [];
    private Dictionary<string, FieldDefinition> _fieldsByName = new(StringComparer.Ordinal);

    /// <summary>Fields in definition order (extensions' fields after the definition's).</summary>
    public IReadOnlyList<FieldDefinition> Fields => _fields;

    public IReadOnlyList<InterfaceType> Interfaces => _interfaces;

    public FieldDefinition? GetField(string name) => _fieldsByName.GetValueOrDefault(name);

    public bool Implements(InterfaceType interfaceType)
    {
        foreach (var candidate in _interfaces)
        {
            if (ReferenceEquals(candidate, interfaceType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sets fields and interfaces once all types exist (types refer to each other in cycles).</summary>
    internal void Complete(IReadOnlyList<InterfaceType> interfaces, IReadOnlyList<FieldDefinition> fields)
    {
        _interfaces = [.. interfaces];
        _fields = [.. fields];
        var byName = new Dictionary<string, FieldDefinition>(StringComparer.Ordinal);
        foreach (var field in _fields)
        {
            field.DeclaringType = this;
            byName.TryAdd(field.Name, field);
        }

        _fieldsByName = byName;
    }
}
