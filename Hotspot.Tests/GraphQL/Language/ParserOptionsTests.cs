using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.Tests.GraphQL.Language;

public sealed class ParserOptionsTests
{
    [Test]
    public void MaxTokens_refuses_documents_with_more_tokens_at_the_first_one_too_many()
    {
        var options = new ParserOptions { MaxTokens = 4 };
        Assert.That(Parser.Parse("{ a b }", options).Definitions, Has.Count.EqualTo(1));
        var exception = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("# comments do not count\n{ a b c }", options))!;
        Assert.That(exception.Message, Is.EqualTo("Syntax Error: Document contains more than 4 tokens. Parsing aborted."));
        Assert.That(exception.Location, Is.EqualTo(new SourceLocation(2, 9)));
    }

    [Test]
    public void MaxDepth_counts_selection_sets_lists_objects_and_list_types()
    {
        var options = new ParserOptions { MaxDepth = 2 };
        Assert.That(() => Parser.Parse("{ a { b } }", options), Throws.Nothing);
        Assert.That(() => Parser.Parse("query($v: [[Int]]) { a }", options), Throws.Nothing);
        Assert.That(() => Parser.Parse("{ a(x: [[1]]) }", options), Throws.TypeOf<GraphQLSyntaxException>());
        Assert.That(() => Parser.Parse("{ a(x: {y: [1]}) }", options), Throws.TypeOf<GraphQLSyntaxException>());
        Assert.That(() => Parser.Parse("query($v: [[[Int]]]) { a }", options), Throws.TypeOf<GraphQLSyntaxException>());
        var exception = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a { b { c } } }", options))!;
        Assert.That(exception.Message, Is.EqualTo("Syntax Error: Document exceeds the maximum nesting depth of 2."));
        Assert.That(exception.Location, Is.EqualTo(new SourceLocation(1, 9)));
    }

    [Test]
    public void Legacy_fragment_variables_need_the_option()
    {
        const string source = "fragment F($v: Int = 1) on T { a(v: $v) }";
        Assert.That(() => Parser.Parse(source), Throws.TypeOf<GraphQLSyntaxException>()
            .With.Message.EqualTo("Syntax Error: Expected \"on\", found \"(\"."));
        var fragment = (FragmentDefinitionNode)Parser.Parse(source, new ParserOptions { AllowLegacyFragmentVariables = true }).Definitions[0];
        Assert.That(fragment.VariableDefinitions.Single().Variable.Name.Value, Is.EqualTo("v"));
    }
}
