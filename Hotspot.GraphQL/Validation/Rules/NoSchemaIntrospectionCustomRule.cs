using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// Optional, not in the specified rules (graphql-js's custom rule of the same name): refuses any field whose type
/// is an introspection type, which turns introspection off (for example in production); <c>__typename</c> stays.
/// </summary>
public sealed class NoSchemaIntrospectionCustomRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterField(FieldNode node)
    {
        if (TypeRefs.NamedType(Context.Type) is { IsIntrospectionType: true })
        {
            ReportError(
                $"GraphQL introspection has been disabled, but the requested query contained the field \"{node.Name.Value}\".",
                node);
        }
    }
}
