using System.Reflection;
using Hotspot.GraphQL.Binding;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// The method returns the rows of a Relay connection as an <see cref="IQueryable{T}"/>; the attribute applies the field's
/// <c>where</c> and <c>order</c> through the entity's <see cref="QueryFilter{T}"/> (from <see cref="EntityFilters"/>) and
/// pages it by <c>first/after/last/before</c> with <see cref="ConnectionPager"/> (HotChocolate's <c>[UsePaging]</c>,
/// <c>[UseFiltering]</c> and <c>[UseSorting]</c> in one).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UseConnectionAttribute : FieldMiddlewareAttribute
{
    private static readonly string[] Arguments = ["first", "after", "last", "before", "where", "order"];

    public override IReadOnlyCollection<string> ArgumentsRead => Arguments;

    public override FieldMiddleware Create(MethodInfo method, Type resultType)
    {
        if (!resultType.IsGenericType || resultType.GetGenericTypeDefinition() != typeof(IQueryable<>))
            throw new InvalidOperationException($"[UseConnection] needs the method to return IQueryable<T>, not {resultType.Name}.");
        var node = resultType.GetGenericArguments()[0];
        var filterType = typeof(QueryFilter<>).MakeGenericType(node);
        var filter = typeof(EntityFilters).GetFields(BindingFlags.Public | BindingFlags.Static)
                         .SingleOrDefault(f => f.FieldType == filterType)?.GetValue(null)
                     ?? throw new InvalidOperationException($"EntityFilters has no QueryFilter<{node.Name}>.");
        var page = typeof(UseConnectionAttribute).GetMethod(nameof(Page), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(node);
        return (FieldMiddleware)page.Invoke(null, [filter])!;
    }

    private static FieldMiddleware Page<T>(QueryFilter<T> filter) => async (context, next) =>
    {
        var rows = (IQueryable<T>)(await next(context).ConfigureAwait(false))!;
        var filtered = filter.Where(rows, context.ArgumentOrDefault<object?>("where", null));
        return await ConnectionPager.PageAsync(filter.Order(filtered, context.ArgumentOrDefault<object?>("order", null)), context);
    };
}
