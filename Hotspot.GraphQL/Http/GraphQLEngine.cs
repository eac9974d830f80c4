using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;
using Hotspot.GraphQL.Validation;

namespace Hotspot.GraphQL.Http;

/// <summary>The HTTP layer's single seam onto validation and execution (owned by other parts of the engine).</summary>
internal static class GraphQLEngine
{
    public static IReadOnlyList<GraphQLError> Validate(Schema typeSystem, DocumentNode document) =>
        DocumentValidator.Validate(typeSystem, document);

    public static ValueTask<ExecutionResult> ExecuteAsync(ExecutableSchema schema, DocumentNode document, GraphQLHttpRequest request,
        object? rootValue, IServiceProvider? services, CancellationToken cancellationToken) =>
        Executor.ExecuteAsync(schema, document, request.OperationName, request.Variables, rootValue, services, cancellationToken);
}
