using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.7.1 Directives Are Defined and 5.7.2 Directives Are In Valid Locations, for executable documents and
/// SDL alike (directives defined in the document being validated count as defined).
/// </summary>
public sealed class KnownDirectivesRule : ValidationRule
{
    private readonly Dictionary<string, IReadOnlyList<string>> _locations = new(StringComparer.Ordinal);

    public KnownDirectivesRule(ValidationContext context)
        : base(context)
    {
        foreach (DirectiveDefinition directive in TypeRefs.Directives(context.SchemaOrNull))
            _locations[directive.Name] = TypeRefs.LocationNames(directive);
        foreach (DefinitionNode definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                var names = new List<string>(directive.Locations.Count);
                foreach (NameNode location in directive.Locations)
                    names.Add(location.Value);
                _locations[directive.Name.Value] = names;
            }
        }
    }

    public override void EnterDirective(DirectiveNode node)
    {
        string name = node.Name.Value;
        if (!_locations.TryGetValue(name, out IReadOnlyList<string>? locations))
        {
            ReportError($"Unknown directive \"@{name}\".", node);
            return;
        }
        string? candidate = LocationOf(Context.Ancestors);
        if (candidate is not null && !Contains(locations, candidate))
            ReportError($"Directive \"@{name}\" may not be used on {candidate}.", node);
    }

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
                return true;
        }
        return false;
    }

    /// <summary>The directive location of the node the directive is applied to (the last ancestor).</summary>
    private static string? LocationOf(IReadOnlyList<SyntaxNode> ancestors)
    {
        if (ancestors.Count == 0)
            return null;
        SyntaxNode appliedTo = ancestors[^1];
        return appliedTo switch
        {
            OperationDefinitionNode operation => operation.Operation switch
            {
                OperationType.Query => nameof(DirectiveLocation.QUERY),
                OperationType.Mutation => nameof(DirectiveLocation.MUTATION),
                _ => nameof(DirectiveLocation.SUBSCRIPTION),
            },
            FieldNode => nameof(DirectiveLocation.FIELD),
            FragmentSpreadNode => nameof(DirectiveLocation.FRAGMENT_SPREAD),
            InlineFragmentNode => nameof(DirectiveLocation.INLINE_FRAGMENT),
            FragmentDefinitionNode => nameof(DirectiveLocation.FRAGMENT_DEFINITION),
            VariableDefinitionNode => nameof(DirectiveLocation.VARIABLE_DEFINITION),
            SchemaDefinitionNode or SchemaExtensionNode => nameof(DirectiveLocation.SCHEMA),
            ScalarTypeDefinitionNode or ScalarTypeExtensionNode => nameof(DirectiveLocation.SCALAR),
            ObjectTypeDefinitionNode or ObjectTypeExtensionNode => nameof(DirectiveLocation.OBJECT),
            FieldDefinitionNode => nameof(DirectiveLocation.FIELD_DEFINITION),
            InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => nameof(DirectiveLocation.INTERFACE),
            UnionTypeDefinitionNode or UnionTypeExtensionNode => nameof(DirectiveLocation.UNION),
            EnumTypeDefinitionNode or EnumTypeExtensionNode => nameof(DirectiveLocation.ENUM),
            EnumValueDefinitionNode => nameof(DirectiveLocation.ENUM_VALUE),
            InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => nameof(DirectiveLocation.INPUT_OBJECT),
            // An input value is an input field inside an input object, else an argument definition.
            InputValueDefinitionNode => ancestors.Count > 1 &&
                                        ancestors[^2] is InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode
                ? nameof(DirectiveLocation.INPUT_FIELD_DEFINITION)
                : nameof(DirectiveLocation.ARGUMENT_DEFINITION),
            _ => null,
        };
    }
}
