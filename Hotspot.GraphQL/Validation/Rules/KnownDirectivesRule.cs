using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.7.1 Directives Are Defined and 5.7.2 Directives Are In Valid Locations, for executable documents and
/// SDL alike (directives defined in the document being validated count as defined).
/// </summary>
public sealed class KnownDirectivesRule : ValidationRule
{
    private readonly Dictionary<string, DirectiveDefinitionNode>? _documentDirectives;

    public KnownDirectivesRule(ValidationContext context)
        : base(context)
    {
        _documentDirectives = DocumentDirectives.Find(context.Document);
    }

    public override void EnterDirective(DirectiveNode node)
    {
        string name = node.Name.Value;
        DirectiveDefinitionNode? defined = null;
        DirectiveDefinition? known = null;
        if (_documentDirectives is null || !_documentDirectives.TryGetValue(name, out defined))
            known = TypeRefs.GetDirective(Context.SchemaOrNull, name);
        if (defined is null && known is null)
        {
            ReportError($"Unknown directive \"@{name}\".", node);
            return;
        }
        string? candidate = LocationOf(Context.Ancestors);
        if (candidate is not null && !(defined is not null ? IsDefinedAt(defined, candidate) : IsDefinedAt(known!, candidate)))
            ReportError($"Directive \"@{name}\" may not be used on {candidate}.", node);
    }

    private static bool IsDefinedAt(DirectiveDefinitionNode directive, string location)
    {
        foreach (NameNode name in directive.Locations)
        {
            if (name.Value == location)
                return true;
        }
        return false;
    }

    private static bool IsDefinedAt(DirectiveDefinition directive, string location)
    {
        foreach (DirectiveLocation candidate in directive.Locations)
        {
            if (LocationName(candidate) == location)
                return true;
        }
        return false;
    }

    // Enum names are the SDL names; cached so that no string is built per directive.
    private static readonly string[] s_locationNames = Enum.GetNames<DirectiveLocation>();

    private static string LocationName(DirectiveLocation location) => s_locationNames[(int)location];

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
