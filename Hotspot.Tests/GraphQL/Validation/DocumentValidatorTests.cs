using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;
using Hotspot.GraphQL.Validation;
using Hotspot.Tests.GraphQL.Validation.Conformance;

namespace Hotspot.Tests.GraphQL.Validation;

/// <summary>
/// All specified rules together, through <see cref="DocumentValidator.Validate(Schema, DocumentNode)"/>, against
/// the conformance test schema. Expected lists are graphql-js 16.15's <c>validate()</c> output for the same
/// documents, recorded verbatim (same errors, same order, as its parallel visitor reports them).
/// </summary>
[TestFixture]
public sealed class DocumentValidatorTests
{
    private const string ManyErrorsQuery = """
        query Q($unused: Int, $id: ID, $bad: Dog) {
          dog { name nickname: barkVolume barks(x: 1) unknownField ...onCat }
          human(id: $id) { name pets }
          complicatedArgs { multipleReqs(req1: "one") complexArgField(complexArg: {requiredField: true, unknown: 1}) }
          cat @skip(if: $undefinedVar) @skip(if: true) { furColor(surname: true) }
        }
        fragment onCat on Cat { meows }
        fragment unusedFrag on Dog { name }
        query Q { __typename }
        { dog { name } }
        """;

    private static Schema TestSchema => ConformanceSchemas.Get(ValidationSpecLoader.Schemas[0]);

    [Test]
    public void A_valid_document_has_no_errors()
    {
        const string query = """
            query Q($id: ID = 4, $cmd: DogCommand!) {
              human(id: $id) { name(surname: true) pets { name ... on Dog { barkVolume doesKnowCommand(dogCommand: $cmd) } ...catFields } }
              catOrDog { __typename ... on Cat { meows } }
              complicatedArgs {
                complexArgField(complexArg: {requiredField: false, stringListField: ["a", null]})
                oneOfArgField(oneOfArg: {intField: 3})
              }
              __schema { types { name } }
            }
            fragment catFields on Cat { furColor nickname }
            """;

        Assert.That(DocumentValidator.Validate(TestSchema, Parser.Parse(query)), Is.Empty);
    }

    [Test]
    public void Reports_every_rule_in_graphql_js_order()
    {
        IReadOnlyList<GraphQLError> errors = DocumentValidator.Validate(TestSchema, Parser.Parse(ManyErrorsQuery));

        Assert.That(errors.Select(Describe), Is.EqualTo(new[]
        {
            "Variable \"$bad\" cannot be non-input type \"Dog\". @ 1:38",
            "Unknown argument \"x\" on field \"Dog.barks\". @ 2:41",
            "Cannot query field \"unknownField\" on type \"Dog\". @ 2:47",
            "Fragment \"onCat\" cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\". @ 2:60",
            "Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did you mean \"pets { ... }\"? @ 3:25",
            "Int cannot represent non-integer value: \"one\" @ 4:40",
            "Field \"multipleReqs\" argument \"req2\" of type \"Int!\" is required, but it was not provided. @ 4:21",
            "Field \"unknown\" is not defined by type \"ComplexInput\". @ 4:97",
            "The directive \"@skip\" can only be used once at this location. @ 5:7, 5:32",
            "Unknown argument \"surname\" on field \"Cat.furColor\". @ 5:59",
            "Variable \"$undefinedVar\" is not defined by operation \"Q\". @ 5:17, 1:1",
            "Variable \"$unused\" is never used in operation \"Q\". @ 1:9",
            "Variable \"$bad\" is never used in operation \"Q\". @ 1:32",
            "There can be only one operation named \"Q\". @ 1:7, 9:7",
            "This anonymous operation must be the only defined operation. @ 10:1",
            "Fragment \"unusedFrag\" is never used. @ 8:1",
        }));
    }

    [Test]
    public void The_optional_operation_type_rule_refuses_operations_the_schema_has_no_root_type_for()
    {
        // graphql-js 17's KnownOperationTypesRule (spec September 2025, Operation Type Existence).
        const string query = """
            query { dog { name } }
            mutation M { dog { name } }
            subscription { dog { name } }
            """;

        IReadOnlyList<GraphQLError> errors = DocumentValidator.Validate(
            TestSchema, Parser.Parse(query), [c => new Hotspot.GraphQL.Validation.Rules.KnownOperationTypesRule(c)]);

        Assert.That(errors.Select(Describe), Is.EqualTo(new[]
        {
            "The mutation operation is not supported by the schema. @ 2:1",
            "The subscription operation is not supported by the schema. @ 3:1",
        }));
        // The default rules leave it to execution, as graphql-js 16 does (its validate() output, recorded).
        Assert.That(DocumentValidator.Validate(TestSchema, Parser.Parse(query)).Select(e => e.Message), Is.EqualTo(new[]
        {
            "This anonymous operation must be the only defined operation.",
            "This anonymous operation must be the only defined operation.",
        }));
    }

    [Test]
    public void The_optional_no_introspection_rule_refuses_introspection_fields_but_not_typename()
    {
        const string query = """
            {
              __typename
              dog { name __typename }
              __schema { queryType { name } }
              t: __type(name: "Dog") { name }
              ...F
            }
            fragment F on QueryRoot { __schema { types { name } } }
            """;

        IReadOnlyList<GraphQLError> errors = DocumentValidator.Validate(
            TestSchema, Parser.Parse(query), [c => new Hotspot.GraphQL.Validation.Rules.NoSchemaIntrospectionCustomRule(c)]);

        Assert.That(errors.Select(Describe), Is.EqualTo(new[]
        {
            "GraphQL introspection has been disabled, but the requested query contained the field \"__schema\". @ 4:3",
            "GraphQL introspection has been disabled, but the requested query contained the field \"queryType\". @ 4:14",
            "GraphQL introspection has been disabled, but the requested query contained the field \"__type\". @ 5:3",
            "GraphQL introspection has been disabled, but the requested query contained the field \"__schema\". @ 8:27",
            "GraphQL introspection has been disabled, but the requested query contained the field \"types\". @ 8:38",
        }));
    }

    [Test]
    public void Custom_scalars_judge_literals_with_their_own_hooks()
    {
        Schema schema = SchemaBuilder.FromSdl("""
            scalar Long
            scalar DateTime
            scalar Picky
            type Query { f(long: Long, at: DateTime, picky: Picky): String }
            """,
            new SchemaBuildOptions
            {
                Scalars = new Dictionary<string, ScalarCoercion>
                {
                    ["Picky"] = ScalarCoercion.Create(parseLiteral: (_, _) => throw new InvalidOperationException("too picky")),
                },
            });
        const string query = """
            { a: f(long: 9007199254740993, at: "2026-11-23T14:00:00+03:00")
              b: f(long: "x", at: "yesterday") c: f(picky: 1) }
            """;

        IReadOnlyList<GraphQLError> errors = DocumentValidator.Validate(schema, Parser.Parse(query));

        Assert.That(errors.Select(Describe), Is.EqualTo(new[]
        {
            "Long cannot represent non-integer value: \"x\" @ 2:14",
            "DateTime cannot represent an invalid date-time string: \"yesterday\" @ 2:23",
            "Expected value of type \"Picky\", found 1; too picky @ 2:48",
        }));
    }

    [Test]
    public void Stops_at_the_error_limit()
    {
        IReadOnlyList<GraphQLError> errors = DocumentValidator.Validate(
            TestSchema, Parser.Parse(ManyErrorsQuery), SpecifiedRules.Executable, maxErrors: 3);

        Assert.That(errors.Select(Describe), Is.EqualTo(new[]
        {
            "Variable \"$bad\" cannot be non-input type \"Dog\". @ 1:38",
            "Unknown argument \"x\" on field \"Dog.barks\". @ 2:41",
            "Cannot query field \"unknownField\" on type \"Dog\". @ 2:47",
            "Too many validation errors, error limit reached. Validation aborted. @ ",
        }));
    }

    [Test]
    public void Field_merging_stops_when_its_work_budget_is_spent()
    {
        // 1,000 copies of one field make half a million comparisons: graphql-js aborts rather than grind.
        string many = "{ dog { " + string.Join(' ', Enumerable.Repeat("name", 1000)) + " } }";
        string fewer = "{ dog { " + string.Join(' ', Enumerable.Repeat("name", 700)) + " } }";

        Assert.That(DocumentValidator.Validate(TestSchema, Parser.Parse(many)).Select(Describe), Is.EqualTo(new[] { "Validation aborted. @ " }));
        Assert.That(DocumentValidator.Validate(TestSchema, Parser.Parse(fewer)), Is.Empty);
    }

    [Test]
    public void A_very_long_fragment_chain_gives_errors_not_a_crash()
    {
        // The parser bounds nesting, but not chains of fragments; run on a small stack to reach the guard.
        var text = new System.Text.StringBuilder("{ dog { ...F0 } }\n");
        const int count = 20_000;
        for (int i = 0; i < count; i++)
            text.Append("fragment F").Append(i).Append(" on Dog { name ").Append(i + 1 < count ? "...F" + (i + 1) : "").Append(" }\n");
        DocumentNode document = Parser.Parse(text.ToString());

        IReadOnlyList<GraphQLError>? errors = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { errors = DocumentValidator.Validate(TestSchema, document); }
            catch (Exception e) { failure = e; }
        }, maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.That(failure, Is.Null);
        Assert.That(errors, Is.Not.Null);
        Assert.That(errors!.Select(e => e.Message), Is.Empty.Or.Contains("Validation aborted: the document is nested too deeply."));
    }

    private static string Describe(GraphQLError error) =>
        error.Message + " @ " + string.Join(", ", error.Locations.Select(l => $"{l.Line}:{l.Column}"));
}
