using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.7.3 Directives Are Unique Per Location: a non-repeatable directive appears at most once on a node. In
/// SDL, a type's definition and its extensions (and the schema's) count as one location.
/// </summary>
public sealed class UniqueDirectivesPerLocationRule : ValidationRule
{
    private readonly Dictionary<string, DirectiveDefinitionNode>? _documentDirectives;
    private readonly Dictionary<string, DirectiveNode> _schemaDirectives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new(StringComparer.Ordinal);

    public UniqueDirectivesPerLocationRule(ValidationContext context)
        : base(context)
    {
        _documentDirectives = DocumentDirectives.Find(context.Document);
    }

    /// <summary>Known and not repeatable; unknown directives are KnownDirectivesRule's to report.</summary>
    private bool IsUnique(string name)
    {
        if (_documentDirectives is not null && _documentDirectives.TryGetValue(name, out DirectiveDefinitionNode? defined))
            return !defined.Repeatable;
        return TypeRefs.GetDirective(Context.SchemaOrNull, name) is { IsRepeatable: false };
    }

    public override void EnterDirectivesOwner(SyntaxNode node, IReadOnlyList<DirectiveNode> directives)
    {
        if (directives.Count == 0)
            return;
        Dictionary<string, DirectiveNode>? seen = node switch
        {
            SchemaDefinitionNode or SchemaExtensionNode => _schemaDirectives,
            TypeDefinitionNode type => SeenForType(type.Name.Value),
            TypeExtensionNode extension => SeenForType(extension.Name.Value),
            _ => null,
        };
        if (seen is null)
        {
            if (directives.Count < 2)
                return;
            seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
        }

        foreach (DirectiveNode directive in directives)
        {
            string name = directive.Name.Value;
            if (!IsUnique(name))
                continue;
            if (seen.TryGetValue(name, out DirectiveNode? first))
                Context.ReportError($"The directive \"@{name}\" can only be used once at this location.", first, directive);
            else
                seen.Add(name, directive);
        }
    }

    private Dictionary<string, DirectiveNode> SeenForType(string typeName)
    {
        if (!_typeDirectives.TryGetValue(typeName, out Dictionary<string, DirectiveNode>? seen))
        {
            seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            _typeDirectives.Add(typeName, seen);
        }
        return seen;
    }
}
