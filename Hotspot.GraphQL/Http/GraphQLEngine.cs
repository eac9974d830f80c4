using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Http;

/// <summary>The HTTP layer's single seam onto validation and execution (owned by other parts of the engine).</summary>
internal static class GraphQLEngine
{
    public static IReadOnlyList<GraphQLError> Validate(ExecutableSchema schema, DocumentNode document)
    {
        // TODO(gql-validation): DocumentValidator.Validate once merged.
        return [];
    }

    public static ValueTask<ExecutionResult> ExecuteAsync(ExecutableSchema schema, DocumentNode document, GraphQLHttpRequest request,
        object? rootValue, IServiceProvider? services, CancellationToken cancellationToken) =>
        Executor.ExecuteAsync(schema, document, request.OperationName, request.Variables, rootValue, services, cancellationToken);
}
