using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Types;

namespace Hotspot.Tests.GraphQL.Types;

/// <summary>
/// Invalid SDL gives the errors graphql-js 16.15 gives (SDL rules plus <c>validateSchema</c>): same messages,
/// same locations. Expected errors were recorded from graphql-js; "message @ line:column ..." joined by " | ".
/// </summary>
public sealed class InvalidSchemaTests
{
    [TestCase("type Query",
        "Type Query must define one or more fields. @ 1:1")]
    [TestCase("type Query { a: Int } type Query { b: Int }",
        "There can be only one type named \"Query\". @ 1:6 1:28")]
    [TestCase("type Query { a: Int a: String }",
        "Field \"Query.a\" can only be defined once. @ 1:14 1:21")]
    [TestCase("type Query { a: Unknown }",
        "Unknown type \"Unknown\". @ 1:17")]
    [TestCase("type Query { a(x: Int, x: Int): Int }",
        "Argument \"Query.a(x:)\" can only be defined once. @ 1:16 1:24")]
    [TestCase("type Query { a: Int } extend type Nope { b: Int }",
        "Cannot extend type \"Nope\" because it is not defined. @ 1:35")]
    [TestCase("type Query { a: Int } scalar S extend type S @deprecated",
        "Cannot extend non-object type \"S\". @ 1:23 1:32 | Directive \"@deprecated\" may not be used on OBJECT. @ 1:46")]
    [TestCase("type Query { a: Int @unknown }",
        "Unknown directive \"@unknown\". @ 1:21")]
    [TestCase("type Query { a: Int } type T @deprecated { a: Int }",
        "Directive \"@deprecated\" may not be used on OBJECT. @ 1:30")]
    [TestCase("type Query { a: Int @deprecated @deprecated }",
        "The directive \"@deprecated\" can only be used once at this location. @ 1:21 1:33")]
    [TestCase("type Query { a: In }",
        "Unknown type \"In\". Did you mean \"ID\" or \"Int\"? @ 1:17")]
    [TestCase("type Foo { a: Int }",
        "Query root type must be provided. @ ")]
    [TestCase("schema { query: Foo } input Foo { a: Int }",
        "Query root type must be Object type, it cannot be Foo. @ 1:17")]
    [TestCase("type Query { a: Int } schema { query: Query } schema { query: Query }",
        "Must provide only one schema definition. @ 1:47 | There can be only one query type in schema. @ 1:32 1:56")]
    [TestCase("type Query { a: Int } type Mutation { b: Int } schema { query: Query mutation: Mutation mutation: Query }",
        "There can be only one mutation type in schema. @ 1:70 1:89")]
    [TestCase("interface I { a: Int } type Query implements I { b: Int }",
        "Interface field I.a expected but Query does not provide it. @ 1:15 1:24")]
    [TestCase("interface I { a: Int } type Query implements I { a: String }",
        "Interface field I.a expects type Int but Query.a is type String. @ 1:18 1:53")]
    [TestCase("interface I { a(x: Int): Int } type Query implements I { a: Int }",
        "Interface field argument I.a(x:) expected but Query.a does not provide it. @ 1:17 1:58")]
    [TestCase("interface I { a(x: Int): Int } type Query implements I { a(x: String): Int }",
        "Interface field argument I.a(x:) expects type Int but Query.a(x:) is type String. @ 1:20 1:63")]
    [TestCase("interface I { a: Int } type Query implements I { a(y: Int!): Int }",
        "Object field Query.a includes required argument y that is missing from the Interface field I.a. @ 1:52 1:15")]
    [TestCase("interface I implements J { a: Int } interface J { a: Int } type Query implements I { a: Int }",
        "Type Query must implement J because it is implemented by I. @ 1:24 1:82")]
    [TestCase("interface I implements I { a: Int } type Query { a: I }",
        "Type I cannot implement itself because it would create a circular reference. @ 1:24")]
    [TestCase("type Query implements Query { a: Int }",
        "Type Query must only implement Interface types, it cannot implement Query. @ 1:23")]
    [TestCase("interface I { a: Int } type Query implements I & I { a: Int }",
        "Type Query can only implement I once. @ 1:46 1:50")]
    [TestCase("union U type Query { a: U }",
        "Union type U must define one or more member types. @ 1:1")]
    [TestCase("union U = Query | Query type Query { a: U }",
        "Union type U can only include type Query once. @ 1:11 1:19")]
    [TestCase("union U = I interface I { a: Int } type Query { a: U }",
        "Union type U can only include Object types, it cannot include I. @ 1:11")]
    [TestCase("enum E type Query { a: E }",
        "Enum type E must define one or more values. @ 1:1")]
    [TestCase("input I type Query { a(i: I): Int }",
        "Input Object type I must define one or more fields. @ 1:1")]
    [TestCase("input I { a: Query } type Query { a(i: I): Int }",
        "The type of I.a must be Input Type but got: Query. @ 1:14")]
    [TestCase("type Query { a(i: Query): Int }",
        "The type of Query.a(i:) must be Input Type but got: Query. @ 1:19")]
    [TestCase("type Query { a: I } input I { a: Int }",
        "The type of Query.a must be Output Type but got: I. @ 1:17")]
    [TestCase("input I @oneOf { a: Int! b: String = \"x\" } type Query { a(i: I): Int }",
        "OneOf input field I.a must be nullable. @ 1:21 | OneOf input field I.b cannot have a default value. @ 1:26")]
    [TestCase("input A { b: B! } input B { a: A! } type Query { a(i: A): Int }",
        "Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.a\". @ 1:11 1:29")]
    [TestCase("input A { a: A! } type Query { a(i: A): Int }",
        "Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"a\". @ 1:11")]
    [TestCase("type Query { a(x: Int! @deprecated): Int }",
        "Required argument Query.a(x:) cannot be deprecated. @ 1:24 1:19")]
    [TestCase("input I { a: Int! @deprecated } type Query { a(i: I): Int }",
        "Required input field I.a cannot be deprecated. @ 1:19 1:14")]
    [TestCase("type Query { __a: Int }",
        "Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection. @ 1:14")]
    [TestCase("type __T { a: Int } type Query { a: __T }",
        "Name \"__T\" must not begin with \"__\", which is reserved by GraphQL introspection. @ 1:1")]
    [TestCase("directive @d(a: Query) on FIELD type Query { a: Int }",
        "The type of @d(a:) must be Input Type but got: Query. @ 1:14")]
    [TestCase("directive @d on FIELD directive @d on QUERY type Query { a: Int }",
        "There can be only one directive named \"@d\". @ 1:12 1:34")]
    [TestCase("type Query { a: Int } enum E { A A }",
        "Enum value \"E.A\" can only be defined once. @ 1:32 1:34")]
    [TestCase("type Query { a: Int } extend scalar Int @deprecated",
        "Cannot extend type \"Int\" because it is not defined. @ 1:37 | Directive \"@deprecated\" may not be used on SCALAR. @ 1:41")]
    [TestCase("type Query { a: Int } union U = Query extend type U { b: Int }",
        "Cannot extend non-object type \"U\". @ 1:23 1:39")]
    public void Invalid_schemas_are_refused_with_graphql_js_errors(string sdl, string expected)
    {
        var exception = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.FromSdl(sdl))!;
        var actual = exception.Errors.Select(e =>
            (e.Message + " @ " + string.Join(" ", e.Locations.Select(l => $"{l.Line}:{l.Column}"))).TrimEnd()).ToList();
        Assert.That(actual, Is.EquivalentTo(expected.Split(" | ").Select(s => s.TrimEnd())));
    }

    [TestCase("interface I { a: [Int] } type Query implements I { a: [Int]! }")]
    [TestCase("input A { a: [A!]! b: A } type Query { a(i: A): Int }")]
    public void Valid_edge_cases_build(string sdl)
    {
        Assert.That(SchemaBuilder.FromSdl(sdl).QueryType.Name, Is.EqualTo("Query"));
    }
}
