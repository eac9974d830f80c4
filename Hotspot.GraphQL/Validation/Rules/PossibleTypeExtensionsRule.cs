using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>SDL: a type extension extends a type that exists (in the document or the schema) and is of the same kind.</summary>
public sealed class PossibleTypeExtensionsRule : ValidationRule
{
    private readonly Dictionary<string, TypeDefinitionNode> _definedTypes = new(StringComparer.Ordinal);

    public PossibleTypeExtensionsRule(ValidationContext context)
        : base(context)
    {
        foreach (DefinitionNode definition in context.Document.Definitions)
        {
            if (definition is TypeDefinitionNode type)
                _definedTypes[type.Name.Value] = type;
        }
    }

    public override void EnterTypeSystemDefinition(DefinitionNode node)
    {
        if (node is not TypeExtensionNode extension)
            return;
        string typeName = extension.Name.Value;
        _definedTypes.TryGetValue(typeName, out TypeDefinitionNode? definition);
        string? expectedKind = definition is not null
            ? KindOf(definition)
            : Context.SchemaOrNull?.GetType(typeName) is { } existing ? KindOf(existing) : null;

        if (expectedKind is not null)
        {
            string actualKind = KindOf(extension);
            if (expectedKind != actualKind)
            {
                string message = $"Cannot extend non-{actualKind} type \"{typeName}\".";
                if (definition is not null)
                    Context.ReportError(message, definition, extension);
                else
                    ReportError(message, extension);
            }
            return;
        }

        var names = new HashSet<string>(_definedTypes.Keys, StringComparer.Ordinal);
        names.UnionWith(TypeRefs.TypeNames(Context.SchemaOrNull));
        ReportError(
            $"Cannot extend type \"{typeName}\" because it is not defined." + DidYouMean.Format(DidYouMean.SuggestionList(typeName, names)),
            extension.Name);
    }

    private static string KindOf(SyntaxNode node) => node switch
    {
        ScalarTypeDefinitionNode or ScalarTypeExtensionNode => "scalar",
        ObjectTypeDefinitionNode or ObjectTypeExtensionNode => "object",
        InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => "interface",
        UnionTypeDefinitionNode or UnionTypeExtensionNode => "union",
        EnumTypeDefinitionNode or EnumTypeExtensionNode => "enum",
        _ => "input object",
    };

    private static string KindOf(NamedType type) => type switch
    {
        ScalarType => "scalar",
        ObjectType => "object",
        InterfaceType => "interface",
        UnionType => "union",
        EnumType => "enum",
        _ => "input object",
    };
}
