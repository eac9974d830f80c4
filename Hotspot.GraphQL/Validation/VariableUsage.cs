using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation;

/// <summary>
/// A variable used in a document, with the input type expected where it is used, whether that position has a
/// default value (an argument or input field default), and the type of the enclosing list or input object.
/// </summary>
public readonly record struct VariableUsage(
    VariableNode Node,
    GraphQLType? Type,
    bool HasLocationDefaultValue,
    GraphQLType? ParentType);
