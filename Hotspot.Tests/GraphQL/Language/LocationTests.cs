using Hotspot.GraphQL.Language;

namespace Hotspot.Tests.GraphQL.Language;

/// <summary>Node locations follow graphql-js: start of the first token to end of the last, UTF-16 offsets.</summary>
public sealed class LocationTests
{
    [Test]
    public void Nodes_span_from_their_first_to_their_last_token()
    {
        const string source = "  # c\n  query Q($v: [Int!]! = [1]) { hello: f(a: \"é😀\") @d { g } }\n";
        var document = Parser.Parse(source);
        Assert.That(document.Location, Is.EqualTo(new Location(0, source.LastIndexOf('}') + 1, 1, 1)));

        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.That(operation.Location.Start, Is.EqualTo(source.IndexOf("query", StringComparison.Ordinal)));
        Assert.That((operation.Location.Line, operation.Location.Column), Is.EqualTo((2, 3)));

        var variable = operation.VariableDefinitions[0];
        Assert.That(source[variable.Location.Start..variable.Location.End], Is.EqualTo("$v: [Int!]! = [1]"));
        Assert.That(source[variable.Type.Location.Start..variable.Type.Location.End], Is.EqualTo("[Int!]!"));

        var field = (FieldNode)operation.SelectionSet.Selections[0];
        Assert.That(source[field.Location.Start..field.Location.End], Is.EqualTo("hello: f(a: \"é😀\") @d { g }"));
        Assert.That(field.Alias!.Value, Is.EqualTo("hello"));
        var argument = field.Arguments[0];
        Assert.That(source[argument.Location.Start..argument.Location.End], Is.EqualTo("a: \"é😀\""));
        Assert.That(argument.Location.Column, Is.EqualTo(source.Split('\n')[1].IndexOf("a:", StringComparison.Ordinal) + 1));
        var directive = field.Directives[0];
        Assert.That(source[directive.Location.Start..directive.Location.End], Is.EqualTo("@d"));
    }
}
