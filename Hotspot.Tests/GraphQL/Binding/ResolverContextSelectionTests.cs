using Hotspot.GraphQL.Binding;
using static Hotspot.Tests.GraphQL.Execution.ExecutionTestKit;

namespace Hotspot.Tests.GraphQL.Binding;

/// <summary><c>ResolverContext.IsSelected</c>: a resolver sees whether a subfield was asked for, through any fragment.</summary>
public class ResolverContextSelectionTests
{
    private const string Sdl = """
        type Query { page: Page }
        type Page { totalCount: Int!, items: [String!]! }
        """;

    public sealed record Page(int TotalCount, string[] Items);

    [TestCase("{ page { items } }", false)]
    [TestCase("{ page { totalCount } }", true)]
    [TestCase("{ page { items ... on Page { totalCount } } }", true)]
    [TestCase("{ page { ...Counted } } fragment Counted on Page { totalCount }", true)]
    [TestCase("{ page { ...Listed } } fragment Listed on Page { items }", false)]
    [TestCase("{ page { ...A } } fragment A on Page { ...B } fragment B on Page { ... { totalCount } }", true)]
    [TestCase("{ a: page { items } b: page { count: totalCount } }", true)]
    public void A_resolver_sees_whether_a_subfield_is_selected(string query, bool expected)
    {
        var seen = new List<bool>();
        var schema = ExecutableSchemaBuilder.FromSdl(Sdl)
            .Resolve("Query", "page", ctx =>
            {
                lock (seen) seen.Add(ctx.IsSelected("totalCount"));
                return new Page(3, ["a"]);
            })
            .PropertyBacked<Page>("Page")
            .Build();

        Execute(schema, query);

        Assert.That(seen, Is.Not.Empty);
        Assert.That(seen.Any(s => s), Is.EqualTo(expected));
    }
}
