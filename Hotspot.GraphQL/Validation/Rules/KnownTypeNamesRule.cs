using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.5.1.2 Fragment Spread Type Existence (and variable types): every named type reference resolves in the
/// schema or in the document's own type definitions. In SDL the built-in scalars and introspection types may be
/// referenced even when the schema does not hold them.
/// </summary>
public sealed class KnownTypeNamesRule : ValidationRule
{
    private static readonly string[] s_standardTypeNames =
    [
        "String", "Int", "Float", "Boolean", "ID",
        "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind",
    ];

    // Types the document itself defines (SDL); null for executable documents, which define none.
    private readonly HashSet<string>? _definedTypes;
    private readonly Schema? _schema;

    public KnownTypeNamesRule(ValidationContext context)
        : base(context)
    {
        _schema = context.SchemaOrNull;
        foreach (DefinitionNode definition in context.Document.Definitions)
        {
            if (definition is TypeDefinitionNode type)
                (_definedTypes ??= new HashSet<string>(StringComparer.Ordinal)).Add(type.Name.Value);
        }
    }

    public override void EnterNamedType(NamedTypeNode node)
    {
        string typeName = node.Name.Value;
        if ((_schema is not null && _schema.GetType(typeName) is not null) || (_definedTypes?.Contains(typeName) ?? false))
            return;

        // The top-level definition the reference sits in (ancestors[0] is the document).
        IReadOnlyList<SyntaxNode> ancestors = Context.Ancestors;
        SyntaxNode? definition = ancestors.Count > 1 ? ancestors[1] : ancestors.Count > 0 ? ancestors[^1] : null;
        bool isSdl = definition is TypeSystemDefinitionNode or TypeSystemExtensionNode;
        if (isSdl && Array.IndexOf(s_standardTypeNames, typeName) >= 0)
            return;

        // Distinct names, as graphql-js's suggestion list keys them.
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        if (isSdl)
            candidates.UnionWith(s_standardTypeNames);
        candidates.UnionWith(TypeRefs.TypeNames(_schema));
        if (_definedTypes is not null)
            candidates.UnionWith(_definedTypes);
        ReportError($"Unknown type \"{typeName}\"." + DidYouMean.Format(DidYouMean.SuggestionList(typeName, candidates)), node);
    }
}
