using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Validation;

namespace Hotspot.Tests.GraphQL.Validation;

/// <summary>
/// The SDL rules through <see cref="DocumentValidator.ValidateSdl(DocumentNode, Hotspot.GraphQL.Types.Schema?)"/>.
/// The shared conformance data has no SDL cases (those spec files are empty), so each expectation here is what
/// graphql-js 16.15's <c>validateSDL</c> returns for the same document, recorded verbatim.
/// </summary>
[TestFixture]
public sealed class SdlValidationTests
{
    private static readonly (string Name, string Sdl, string[] Errors)[] s_cases =
    [
        ("lone schema definition", "schema { query: Q } schema { query: Q } type Q { a: String }",
        [
            "Must provide only one schema definition. @ 1:21",
            "There can be only one query type in schema. @ 1:10, 1:30",
        ]),
        ("unique operation types", "schema { query: Q query: Q mutation: Q } extend schema { mutation: Q } type Q { a: String }",
        [
            "There can be only one query type in schema. @ 1:10, 1:19",
            "There can be only one mutation type in schema. @ 1:28, 1:58",
        ]),
        ("unique type names", "type Q { a: String } type Q { b: String } scalar Q",
        [
            "There can be only one type named \"Q\". @ 1:6, 1:27",
            "There can be only one type named \"Q\". @ 1:6, 1:50",
        ]),
        ("unique enum value names", "enum E { A B A } extend enum E { B C }",
        [
            "Enum value \"E.A\" can only be defined once. @ 1:10, 1:14",
            "Enum value \"E.B\" can only be defined once. @ 1:12, 1:34",
        ]),
        ("unique field definition names", "type T { a: String a: Int } extend type T { a: String b: Int } input I { x: Int x: Int }",
        [
            "Field \"T.a\" can only be defined once. @ 1:10, 1:20",
            "Field \"T.a\" can only be defined once. @ 1:10, 1:45",
            "Field \"I.x\" can only be defined once. @ 1:74, 1:81",
        ]),
        ("unique argument definition names", "type T { f(a: Int, a: Int, b: Int): String } directive @d(x: Int, x: Int) on FIELD",
        [
            "Argument \"T.f(a:)\" can only be defined once. @ 1:12, 1:20",
            "Argument \"@d(x:)\" can only be defined once. @ 1:59, 1:67",
        ]),
        ("unique directive names", "directive @d on FIELD directive @d on QUERY directive @skip on FIELD",
        [
            "There can be only one directive named \"@d\". @ 1:12, 1:34",
        ]),
        ("possible type extensions",
            "type T { a: String } extend interface T @foo extend type Missing { a: Int } extend scalar T2 @foo extend union T = T",
        [
            "Cannot extend non-interface type \"T\". @ 1:1, 1:22",
            "Unknown directive \"@foo\". @ 1:41",
            "Cannot extend type \"Missing\" because it is not defined. @ 1:58",
            "Cannot extend type \"T2\" because it is not defined. Did you mean \"T\"? @ 1:91",
            "Unknown directive \"@foo\". @ 1:94",
            "Cannot extend non-union type \"T\". @ 1:1, 1:99",
        ]),
        ("known type names in SDL", "type Q { a: Strin, b: Foo, c: __Type, d: ID } input I { x: Qq }",
        [
            "Unknown type \"Strin\". Did you mean \"String\"? @ 1:13",
            "Unknown type \"Foo\". @ 1:23",
            "Unknown type \"Qq\". Did you mean \"Q\"? @ 1:60",
        ]),
        ("known directives in SDL",
            "type Q @unknown { a(x: Int @deprecated): String @skip(if: true) } input I { f: Int @deprecated(reason: \"x\") } " +
            "directive @d(a: Int @include(if: true)) on OBJECT scalar S @specifiedBy(url: \"u\") @deprecated",
        [
            "Unknown directive \"@unknown\". @ 1:8",
            "Directive \"@skip\" may not be used on FIELD_DEFINITION. @ 1:49",
            "Directive \"@include\" may not be used on ARGUMENT_DEFINITION. @ 1:131",
            "Directive \"@deprecated\" may not be used on SCALAR. @ 1:193",
        ]),
        ("directive arguments in SDL",
            "type Q { a: String @deprecated(reasn: \"x\") } scalar S @specifiedBy directive @d(r: Int!, o: Int! = 1) on OBJECT " +
            "type T @d { a: Int } type U @d(r: 1, x: 2) { a: Int }",
        [
            "Unknown argument \"reasn\" on directive \"@deprecated\". Did you mean \"reason\"? @ 1:32",
            "Directive \"@specifiedBy\" argument \"url\" of type \"String!\" is required, but it was not provided. @ 1:55",
            "Directive \"@d\" argument \"r\" of type \"Int!\" is required, but it was not provided. @ 1:120",
            "Unknown argument \"x\" on directive \"@d\". Did you mean \"o\" or \"r\"? @ 1:150",
        ]),
        ("unique directives per location in SDL",
            "type T @d @d { a: String } extend type T @d directive @d on OBJECT schema @s { query: T } extend schema @s directive @s on SCHEMA",
        [
            "The directive \"@d\" can only be used once at this location. @ 1:8, 1:11",
            "The directive \"@d\" can only be used once at this location. @ 1:8, 1:42",
            "The directive \"@s\" can only be used once at this location. @ 1:75, 1:105",
        ]),
        ("unique argument names in SDL", "type T @d(a: 1, a: 2) { a: String } directive @d(a: Int) on OBJECT",
        [
            "There can be only one argument named \"a\". @ 1:11, 1:17",
        ]),
        ("unique input field names in SDL", "type T { a(x: I = {f: 1, f: 2}): String } input I { f: Int }",
        [
            "There can be only one input field named \"f\". @ 1:20, 1:26",
        ]),
        ("a valid schema", "schema { query: Q } type Q { a(x: Int = 1): [String!] @deprecated } enum E { A } extend enum E { B }", []),
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        s_cases.Select(c => new TestCaseData(c.Sdl, c.Errors).SetName("SDL: " + c.Name));

    [TestCaseSource(nameof(Cases))]
    public void Reports_what_graphql_js_reports(string sdl, string[] expected)
    {
        IReadOnlyList<GraphQLError> errors = DocumentValidator.ValidateSdl(Parser.Parse(sdl));

        Assert.That(errors.Select(Describe), Is.EqualTo(expected));
    }

    private static string Describe(GraphQLError error) =>
        error.Message + " @ " + string.Join(", ", error.Locations.Select(l => $"{l.Line}:{l.Column}"));
}
