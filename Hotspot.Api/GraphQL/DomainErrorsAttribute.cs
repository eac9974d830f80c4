using System.Reflection;
using Hotspot.Domain;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Execution;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// Reports domain rule violations with their code (VALIDATION, PAYMENT_METHOD_NOT_CONFIGURED, ...) and a write that
/// conflicts with existing data as CONFLICT. On a mutation class it covers every mutation of the class.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class DomainErrorsAttribute : FieldMiddlewareAttribute
{
    public override FieldMiddleware Create(MethodInfo method, Type resultType) => TranslateAsync;

    private static async ValueTask<object?> TranslateAsync(ResolverContext context, FieldResolver next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (DomainException ex)
        {
            throw new GraphQLException(ex.Message, ex.Code);
        }
        catch (DbUpdateException) when (!context.CancellationToken.IsCancellationRequested)
        {
            throw new GraphQLException("The change conflicts with existing data; reload and try again.", "CONFLICT");
        }
    }
}
