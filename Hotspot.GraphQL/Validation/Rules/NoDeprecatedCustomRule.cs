using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// Optional, not in the specified rules (graphql-js's custom rule of the same name): reports every use of a
/// deprecated field, argument, input field or enum value, for clients that want to stay off them.
/// </summary>
public sealed class NoDeprecatedCustomRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterField(FieldNode node)
    {
        FieldDefinition? fieldDef = Context.FieldDefinition;
        if (fieldDef?.DeprecationReason is { } reason && Context.ParentType is { } parentType)
            ReportError($"The field {parentType.Name}.{fieldDef.Name} is deprecated. {reason}", node);
    }

    public override void EnterArgument(ArgumentNode node)
    {
        InputValueDefinition? argDef = Context.Argument;
        if (argDef?.DeprecationReason is not { } reason)
            return;
        if (Context.Directive is { } directive)
            ReportError($"Directive \"@{directive.Name}\" argument \"{argDef.Name}\" is deprecated. {reason}", node);
        else if (Context.ParentType is { } parentType && Context.FieldDefinition is { } fieldDef)
            ReportError($"Field \"{parentType.Name}.{fieldDef.Name}\" argument \"{argDef.Name}\" is deprecated. {reason}", node);
    }

    public override void EnterObjectField(ObjectFieldNode node)
    {
        if (TypeRefs.NamedType(Context.ParentInputType) is InputObjectType inputType &&
            inputType.GetField(node.Name.Value) is { DeprecationReason: { } reason } field)
        {
            ReportError($"The input field {inputType.Name}.{field.Name} is deprecated. {reason}", node);
        }
    }

    public override void EnterEnumValue(EnumValueNode node)
    {
        if (Context.EnumValue is { DeprecationReason: { } reason } value && TypeRefs.NamedType(Context.InputType) is { } enumType)
            ReportError($"The enum value \"{enumType.Name}.{value.Name}\" is deprecated. {reason}", node);
    }
}
