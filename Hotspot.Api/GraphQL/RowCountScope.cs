using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// What a connection's <c>totalCount</c> counts when the rollup can answer it: the rows of one counted table of one
/// organization, of some statuses (all when null). Found only for the exact shape the organization's connections
/// build (a table, optionally <c>AsNoTracking</c>, filtered by <c>OrganizationId ==</c> and nothing else, then a
/// <c>where</c> on status alone); any other query is counted by the database as before.
/// </summary>
public sealed record RowCountScope(string Table, Guid OrganizationId, IReadOnlyCollection<string>? Statuses)
{
    private static readonly MethodInfo QueryableWhere = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.Where) && m.GetParameters()[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2);

    /// <summary>The organization a query is limited to, when the query is a table filtered by organization alone.</summary>
    public static Guid? OrganizationOf(Expression query)
    {
        Guid? organization = null;
        while (query is MethodCallExpression call)
        {
            if (call.Method.IsGenericMethod && call.Method.GetGenericMethodDefinition() == QueryableWhere
                && organization is null && OrganizationEquality(call.Arguments[1]) is { } id)
                organization = id;
            else if (call.Method.Name is not (nameof(EntityFrameworkQueryableExtensions.AsNoTracking)
                     or nameof(EntityFrameworkQueryableExtensions.AsNoTrackingWithIdentityResolution)))
                return null;
            query = call.Arguments[0];
        }
        // The root must be the table itself, not a projection or a set operation.
        return query is ConstantExpression or Microsoft.EntityFrameworkCore.Query.QueryRootExpression ? organization : null;
    }

    // e => e.OrganizationId == <value not depending on e>
    private static Guid? OrganizationEquality(Expression predicate)
    {
        while (predicate is UnaryExpression { NodeType: ExpressionType.Quote } quote) predicate = quote.Operand;
        if (predicate is not LambdaExpression { Body: BinaryExpression { NodeType: ExpressionType.Equal } equal } lambda) return null;
        if (equal.Left is not MemberExpression { Member.Name: "OrganizationId" } member || member.Expression != lambda.Parameters[0]) return null;
        return Evaluate(equal.Right) as Guid?;
    }

    // A constant, or fields and properties read from one (a captured variable): read by reflection, nothing compiled.
    private static object? Evaluate(Expression expression) => expression switch
    {
        ConstantExpression constant => constant.Value,
        MemberExpression { Member: FieldInfo field } member => Target(member) is var (ok, target) && ok ? field.GetValue(target) : null,
        MemberExpression { Member: PropertyInfo property } member => Target(member) is var (ok, target) && ok ? property.GetValue(target) : null,
        UnaryExpression { NodeType: ExpressionType.Convert } convert => Evaluate(convert.Operand),
        _ => null,
    };

    private static (bool Ok, object? Target) Target(MemberExpression member)
    {
        if (member.Expression is null) return (true, null); // static member
        var target = Evaluate(member.Expression);
        return (target is not null, target);
    }
}
