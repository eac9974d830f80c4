using System.Text;
using Hotspot.GraphQL.Http;
using Hotspot.GraphQL.Language;

namespace Hotspot.Tests.GraphQL.Http;

public class DocumentLimitsGuardTests
{
    private static string Nested(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++) text.Append("{ a ");
        for (var i = 0; i < depth; i++) text.Append('}');
        return text.ToString();
    }

    [Test]
    public void A_document_within_every_limit_passes()
    {
        var document = Parser.Parse("query { a: hero { ...F friends { name } } } fragment F on Character { id name }");
        Assert.That(DocumentLimitsGuard.Check(document, maxDepth: 3, maxAliases: 1, maxFields: 5), Is.Null);
    }

    [Test]
    public void Depth_counts_selection_sets_through_fragments()
    {
        var document = Parser.Parse("{ a { ...F } } fragment F on T { b { c { d } } }");

        Assert.That(DocumentLimitsGuard.Check(document, maxDepth: 4, maxAliases: 10, maxFields: 100), Is.Null);
        var error = DocumentLimitsGuard.Check(document, maxDepth: 3, maxAliases: 10, maxFields: 100);
        Assert.That(error!.Extensions!["code"], Is.EqualTo(DocumentLimitsGuard.MaxDepthCode));
        Assert.That(error.Message, Does.Contain("more than 3 levels"));
    }

    [Test]
    public void Too_deep_plain_selection_is_refused()
    {
        var error = DocumentLimitsGuard.Check(Parser.Parse(Nested(40)), maxDepth: 32, maxAliases: 10, maxFields: 1000);
        Assert.That(error!.Extensions!["code"], Is.EqualTo(DocumentLimitsGuard.MaxDepthCode));
        Assert.That(error.Locations, Has.Count.EqualTo(1));
    }

    [Test]
    public void Aliases_are_counted_in_operations_and_fragments()
    {
        var document = Parser.Parse("{ a1: f a2: f ...F } fragment F on Q { a3: f ... { a4: f } }");
        Assert.That(DocumentLimitsGuard.Check(document, 10, maxAliases: 4, maxFields: 100), Is.Null);
        Assert.That(DocumentLimitsGuard.Check(document, 10, maxAliases: 3, maxFields: 100)!.Extensions!["code"],
            Is.EqualTo(DocumentLimitsGuard.MaxAliasesCode));
    }

    [Test]
    public void A_fragment_bomb_is_refused_by_its_expanded_size()
    {
        // Each fragment spreads the previous one twice: 2^30 fields once expanded, from a tiny document.
        var text = new StringBuilder("{ ...F30 } fragment F0 on Q { a }");
        for (var i = 1; i <= 30; i++) text.Append($" fragment F{i} on Q {{ ...F{i - 1} ...F{i - 1} }}");

        var error = DocumentLimitsGuard.Check(Parser.Parse(text.ToString()), maxDepth: 32, maxAliases: 10, maxFields: 2000);

        Assert.That(error!.Extensions!["code"], Is.EqualTo(DocumentLimitsGuard.MaxFieldsCode));
        Assert.That(error.Message, Does.Contain("1073741824 fields"));
    }

    [Test]
    public void Fragment_cycles_and_unknown_fragments_do_not_hang()
    {
        var document = Parser.Parse("{ ...A ...Missing } fragment A on Q { a ...B } fragment B on Q { b ...A }");
        Assert.That(DocumentLimitsGuard.Check(document, 10, 10, 100), Is.Null, "cycles are left to validation");
    }

    [Test]
    public void A_long_chain_of_fragments_is_refused_as_too_deep()
    {
        var text = new StringBuilder("{ ...F0 }");
        for (var i = 0; i < 200; i++) text.Append($" fragment F{i} on Q {{ a ...F{i + 1} }}");
        text.Append(" fragment F200 on Q { a }");

        var error = DocumentLimitsGuard.Check(Parser.Parse(text.ToString()), maxDepth: 32, maxAliases: 10, maxFields: 100_000);

        Assert.That(error!.Extensions!["code"], Is.EqualTo(DocumentLimitsGuard.MaxDepthCode));
    }
}
