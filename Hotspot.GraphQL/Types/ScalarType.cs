using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>A scalar type; its coercion rules come from its <see cref="Coercion"/>.</summary>
public sealed class ScalarType(
    string name,
    ScalarCoercion coercion,
    string? description = null,
    string? specifiedByUrl = null,
    IReadOnlyList<DirectiveNode>? directives = null,
    ScalarTypeDefinitionNode? astNode = null,
    IReadOnlyList<TypeExtensionNode>? extensionAstNodes = null)
    : LeafType(name, description, directives, astNode, extensionAstNodes)
{
    public override TypeKind Kind => TypeKind.Scalar;

    public ScalarCoercion Coercion { get; } = coercion;

    /// <summary>The URL given by <c>@specifiedBy(url:)</c>, or null.</summary>
    public string? SpecifiedByUrl { get; } = specifiedByUrl;

    /// <summary>True for Int, Float, String, Boolean and ID.</summary>
    public bool IsSpecifiedScalar => ReferenceEquals(BuiltInScalars.Get(Name), this);

    public override object? Serialize(object? value) => Coercion.Serialize(value);

    public override object? ParseValue(object? value) => Coercion.ParseValue(value);

    public override object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables = null) =>
        Coercion.ParseLiteral(literal, variables);
}
