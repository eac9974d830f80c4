using System.Text.Json;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// The hooks of a custom scalar (spec 3.5): <see cref="Serialize"/> turns a resolver's value into a JSON leaf
/// (string, bool, any integer or floating type, decimal, or a <see cref="JsonElement"/>); <see cref="ParseValue"/>
/// reads a variable's JSON value; <see cref="ParseLiteral"/> reads a literal of the document (variables inside it are
/// already replaced). A hook rejects a value by throwing; a <see cref="GraphQLException"/>'s message is shown as is,
/// any other message is prefixed with <c>Expected type "Name".</c> as graphql-js does.
/// A scalar without hooks passes values through unchanged (graphql-js's default).
/// </summary>
public sealed class ScalarCoercion
{
    public Func<object, object?>? Serialize { get; init; }
    public Func<JsonElement, object?>? ParseValue { get; init; }
    public Func<ValueNode, object?>? ParseLiteral { get; init; }
}
