using System.Text.Json;
using Hotspot.GraphQL.Language;

namespace Hotspot.Tests.GraphQL.Language;

/// <summary>
/// The printer lays documents out as graphql-js 16.15's <c>print</c> does (recorded outputs), and printing then
/// parsing gives the same document again.
/// </summary>
public sealed class PrinterTests
{
    private const string RecordedFromGraphQLJs = """"
[["query queryName($foo: ComplexType, $site: Site = MOBILE) @q { whoever123is: node(id: [123, 456]) { id, ... on User @defer { field2 { id, alias: field1(first:10, after:$foo,) @include(if: $foo) { id, ...frag } } } ... @skip(unless: $foo) { id } ... { id } } }\nmutation likeStory { like(story: 123) @defer { story { id } } }\nsubscription StoryLikeSubscription($input: StoryLikeSubscribeInput @dir) { storyLikeSubscribe(input: $input) { story { likers { count } } } }\nfragment frag on Friend @f { foo(size: $size, bar: $b, obj: {key: \"value\", block: \"\"\"\n    block string uses \\\"\"\"\n\"\"\"}) }\n{ unnamed(truthy: true, falsey: false, nullish: null), query }\nquery { __typename }","query queryName($foo: ComplexType, $site: Site = MOBILE) @q {\n  whoever123is: node(id: [123, 456]) {\n    id\n    ... on User @defer {\n      field2 {\n        id\n        alias: field1(first: 10, after: $foo) @include(if: $foo) {\n          id\n          ...frag\n        }\n      }\n    }\n    ... @skip(unless: $foo) {\n      id\n    }\n    ... {\n      id\n    }\n  }\n}\n\nmutation likeStory {\n  like(story: 123) @defer {\n    story {\n      id\n    }\n  }\n}\n\nsubscription StoryLikeSubscription($input: StoryLikeSubscribeInput @dir) {\n  storyLikeSubscribe(input: $input) {\n    story {\n      likers {\n        count\n      }\n    }\n  }\n}\n\nfragment frag on Friend @f {\n  foo(\n    size: $size\n    bar: $b\n    obj: {key: \"value\", block: \"\"\"\n    block string uses \\\"\"\"\n    \"\"\"}\n  )\n}\n\n{\n  unnamed(truthy: true, falsey: false, nullish: null)\n  query\n}\n\n{\n  __typename\n}"],["{ veryLongFieldNameNumberOne(argumentNumberOne: \"a long string value\", argumentNumberTwo: 1234567, three: [1, 2, 3]) { a } }","{\n  veryLongFieldNameNumberOne(\n    argumentNumberOne: \"a long string value\"\n    argumentNumberTwo: 1234567\n    three: [1, 2, 3]\n  ) {\n    a\n  }\n}"],["\"Described op\" query Q(\"var doc\" $a: Int = 1) { a(s: \"tab\\t quote\\\" uni \\u00e9 \\u0001\") }","\"Described op\"\nquery Q(\n\"var doc\"\n$a: Int = 1\n) {\n  a(s: \"tab\\t quote\\\" uni é \\u0001\")\n}"],["{ a(s: \"\"\"  leading space\"\"\", t: \"\"\"trailing quote\\\"\"\" \"\"\", u: \"\"\"multi\n  line\n    indented\"\"\") }","{\n  a(\n    s: \"\"\"  leading space\"\"\"\n    t: \"\"\"trailing quote\\\"\"\" \"\"\"\n    u: \"\"\"\n    multi\n    line\n      indented\n    \"\"\"\n  )\n}"],["\"\"\"Type description\"\"\"\ntype T implements A & B @key(fields: \"id\") { \"field\" f(\"arg\" a: Int = 1 @d, b: [String!]! = [\"x\"]): [T!]! @deprecated(reason: \"no\") g: Int }\nschema @s { query: Q mutation: M }\nextend schema @t\nscalar S @specifiedBy(url: \"u\")\nunion U @d = | A | B\nenum E { A \"b\" B @deprecated }\ninput I @oneOf { a: Int b: String = \"x\" }\ndirective @d(a: Int) repeatable on FIELD | QUERY\nextend type T @x\nextend interface IFace implements A { f: Int }\nextend union U = C\nextend enum E { C }\nextend input I { c: Int }\nextend scalar S @y\ninterface IFace implements A & B { f: Int }","\"\"\"Type description\"\"\"\ntype T implements A & B @key(fields: \"id\") {\n  \"field\"\n  f(\n    \"arg\"\n    a: Int = 1 @d\n    b: [String!]! = [\"x\"]\n  ): [T!]! @deprecated(reason: \"no\")\n  g: Int\n}\n\nschema @s {\n  query: Q\n  mutation: M\n}\n\nextend schema @t\n\nscalar S @specifiedBy(url: \"u\")\n\nunion U @d = A | B\n\nenum E {\n  A\n  \"b\"\n  B @deprecated\n}\n\ninput I @oneOf {\n  a: Int\n  b: String = \"x\"\n}\n\ndirective @d(a: Int) repeatable on FIELD | QUERY\n\nextend type T @x\n\nextend interface IFace implements A {\n  f: Int\n}\n\nextend union U = C\n\nextend enum E {\n  C\n}\n\nextend input I {\n  c: Int\n}\n\nextend scalar S @y\n\ninterface IFace implements A & B {\n  f: Int\n}"]]
"""";

    public static IEnumerable<TestCaseData> Cases() =>
        JsonSerializer.Deserialize<string[][]>(RecordedFromGraphQLJs)!.Select((pair, i) =>
            new TestCaseData(pair[0], pair[1]).SetName($"prints document {i + 1} like graphql-js"));

    [TestCaseSource(nameof(Cases))]
    public void Prints_like_graphql_js(string source, string expected)
    {
        var printed = Printer.Print(Parser.Parse(source));
        Assert.That(printed, Is.EqualTo(expected));
        Assert.That(Printer.Print(Parser.Parse(printed)), Is.EqualTo(printed));
    }

    [Test]
    public void Values_and_types_print_alone()
    {
        Assert.That(Printer.Print(Parser.ParseValue("{a: [1, 2.5, \"x\", $v, ENUM, null, true]}")),
            Is.EqualTo("{a: [1, 2.5, \"x\", $v, ENUM, null, true]}"));
        Assert.That(Printer.Print(Parser.ParseType("[[Int!]]!")), Is.EqualTo("[[Int!]]!"));
        Assert.That(() => Parser.ParseConstValue("$v"), Throws.TypeOf<Hotspot.GraphQL.Errors.GraphQLSyntaxException>());
        Assert.That(() => Parser.ParseValue("1 2"), Throws.TypeOf<Hotspot.GraphQL.Errors.GraphQLSyntaxException>()
            .With.Message.EqualTo("Syntax Error: Expected <EOF>, found Int \"2\"."));
    }
}
