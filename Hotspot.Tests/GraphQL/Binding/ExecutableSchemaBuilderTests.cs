using System.Text.Json;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using static Hotspot.Tests.GraphQL.Execution.ExecutionTestKit;

namespace Hotspot.Tests.GraphQL.Binding;

/// <summary>Resolver binding: typed resolvers, default resolvers over CLR objects and JSON, and the start-up check.</summary>
public class ExecutableSchemaBuilderTests
{
    private const string Sdl = """
        type Query { plan(id: ID!): Plan, plans(status: Status = ACTIVE, first: Int = 10, filter: PlanFilter): [Plan!]! }
        type Mutation { rename(input: RenameInput!): Plan }
        type Plan { id: ID!, name: String!, priceKes: Int!, status: Status!, label: String }
        enum Status { ACTIVE, PAUSED_BY_ADMIN }
        input PlanFilter { minPrice: Int, statuses: [Status!] }
        input RenameInput { id: ID!, name: String! }
        """;

    public enum PlanStatus { Active, PausedByAdmin }
    public sealed record Plan(string Id, string Name, int PriceKes, PlanStatus Status);
    public sealed record PlanFilter(int? MinPrice, PlanStatus[]? Statuses);
    public sealed record RenameInput(string Id, string Name);

    private static readonly Plan[] Plans =
    [
        new("p1", "Hour", 20, PlanStatus.Active),
        new("p2", "Day", 50, PlanStatus.PausedByAdmin),
        new("p3", "Week", 250, PlanStatus.Active),
    ];

    private static ExecutableSchemaBuilder Bound() => ExecutableSchemaBuilder.FromSdl(Sdl)
        .Resolve("Query", "plan", ctx => Plans.FirstOrDefault(p => p.Id == ctx.Argument<string>("id")))
        .Resolve("Query", "plans", ctx =>
        {
            var status = ctx.Argument<PlanStatus>("status");
            var filter = ctx.ArgumentOrDefault<PlanFilter?>("filter");
            return Plans.Where(p => p.Status == status || filter?.Statuses?.Contains(p.Status) == true)
                .Where(p => p.PriceKes >= (filter?.MinPrice ?? 0))
                .Take(ctx.Argument<int>("first"));
        })
        .ResolveAsync("Mutation", "rename", async ctx =>
        {
            await Task.Yield();
            var input = ctx.Argument<RenameInput>("input");
            return Plans.First(p => p.Id == input.Id) with { Name = input.Name };
        })
        .Resolve<Plan>("Plan", "label", (plan, _) => $"{plan.Name} (KES {plan.PriceKes})")
        .PropertyBacked<Plan>("Plan");

    [Test]
    public void Typed_arguments_clr_enums_and_input_records()
    {
        var schema = Bound().RequireExplicitResolvers().Build();
        AssertJson(Execute(schema, "{ plans { id status label } }"), """
            {"data":{"plans":[{"id":"p1","status":"ACTIVE","label":"Hour (KES 20)"},{"id":"p3","status":"ACTIVE","label":"Week (KES 250)"}]}}
            """);
        AssertJson(Execute(schema, "{ plans(status: PAUSED_BY_ADMIN, filter: {minPrice: 30, statuses: [ACTIVE]}) { name } }"), """
            {"data":{"plans":[{"name":"Day"},{"name":"Week"}]}}
            """);
        AssertJson(Execute(schema, """mutation { rename(input: {id: "p2", name: "Full day"}) { name priceKes } }"""), """
            {"data":{"rename":{"name":"Full day","priceKes":50}}}
            """);
    }

    [Test]
    public void Strict_mode_lists_every_field_without_a_resolver()
    {
        var builder = ExecutableSchemaBuilder.FromSdl(Sdl)
            .Resolve("Query", "plan", _ => null)
            .RequireExplicitResolvers();
        var ex = Assert.Throws<SchemaBindingException>(() => builder.Build())!;
        Assert.That(ex.Problems, Is.EquivalentTo(new[]
        {
            "Query.plans has no resolver (bind one, or mark it property-backed).",
            "Mutation.rename has no resolver (bind one, or mark it property-backed).",
            "Plan.id has no resolver (bind one, or mark it property-backed).",
            "Plan.name has no resolver (bind one, or mark it property-backed).",
            "Plan.priceKes has no resolver (bind one, or mark it property-backed).",
            "Plan.status has no resolver (bind one, or mark it property-backed).",
            "Plan.label has no resolver (bind one, or mark it property-backed).",
        }));
        Assert.That(ex.Message, Does.Contain("Plan.label has no resolver"));
    }

    [Test]
    public void Resolvers_that_name_no_field_and_unreadable_properties_fail_the_build()
    {
        var builder = Bound()
            .Resolve("Query", "plann", _ => null)
            .Resolve("Planet", "name", _ => null)
            .ResolveType("Plan", (_, _) => null)
            .Scalar("Int", ScalarCoercion.PassThrough)
            .PropertyBacked<RenameInput>("Plan");
        var ex = Assert.Throws<SchemaBindingException>(() => builder.Build())!;
        Assert.That(ex.Problems, Is.EquivalentTo(new[]
        {
            "A resolver is bound to Query.plann, but \"Query\" has no field \"plann\".",
            "A resolver is bound to Planet.name, but the schema has no type \"Planet\".",
            "A type resolver is bound to \"Plan\", which is not an interface or union of the schema.",
            "Scalar hooks are bound to \"Int\", which is not a custom scalar of the schema.",
            "Plan.priceKes has no resolver and RenameInput has no member \"priceKes\".",
            "Plan.status has no resolver and RenameInput has no member \"status\".",
        }));
    }

    [Test]
    public void Default_resolvers_read_clr_properties_dictionaries_and_json()
    {
        var schema = ExecutableSchemaBuilder.FromSdl("type Query { a: Plan, b: Plan, c: Plan } type Plan { name: String, priceKes: Int }").Build();
        var root = new Dictionary<string, object?>
        {
            ["a"] = Plans[0],
            ["b"] = new Dictionary<string, object?> { ["name"] = "Dict", ["priceKes"] = 7 },
            ["c"] = Json("""{"name":"Json","priceKes":9}"""),
        };
        AssertJson(Execute(schema, "{ a { name priceKes } b { name priceKes } c { name priceKes } }", rootValue: root), """
            {"data":{"a":{"name":"Hour","priceKes":20},"b":{"name":"Dict","priceKes":7},"c":{"name":"Json","priceKes":9}}}
            """);
    }

    [Test]
    public void Custom_scalar_hooks_serialize_and_parse()
    {
        var schema = ExecutableSchemaBuilder.FromSdl("""
                "Seconds since 1970."
                scalar Stamp
                type Query { later(than: Stamp): Stamp }
                """)
            .Scalar("Stamp", ScalarCoercion.Create(
                serialize: v => ((DateTimeOffset)v!).ToUnixTimeSeconds(),
                parseValue: v => v is JsonElement { ValueKind: JsonValueKind.Number } n
                    ? DateTimeOffset.FromUnixTimeSeconds(n.GetInt64())
                    : throw new GraphQLCoercionException("Stamp must be a number of seconds."),
                parseLiteral: (node, _) => DateTimeOffset.FromUnixTimeSeconds(long.Parse(((IntValueNode)node).Value))))
            .Resolve("Query", "later", ctx => ctx.Argument<DateTimeOffset>("than").AddSeconds(60))
            .Build();
        AssertJson(Execute(schema, "{ later(than: 1000) }"), """{"data":{"later":1060}}""");
        AssertJson(Execute(schema, "query ($t: Stamp) { later(than: $t) }", """{"t":2000}"""), """{"data":{"later":2060}}""");
        var bad = Execute(schema, "query ($t: Stamp) { later(than: $t) }", """{"t":"yesterday"}""");
        Assert.That(bad.HasData, Is.False);
        Assert.That(bad.Errors[0].Message, Is.EqualTo("Variable \"$t\" got invalid value \"yesterday\"; Stamp must be a number of seconds."));
    }

    [Test]
    public void Shipped_DateTime_and_Long_scalars_work_without_hooks()
    {
        var schema = ExecutableSchemaBuilder.FromSdl("scalar DateTime scalar Long type Query { at(after: DateTime): DateTime, big(n: Long): Long }")
            .Resolve("Query", "at", ctx => ctx.Argument<DateTimeOffset>("after").AddHours(1))
            .Resolve("Query", "big", ctx => ctx.Argument<long>("n") * 2)
            .Build();
        var result = Execute(schema, """{ at(after: "2026-11-23T10:00:00Z") big(n: 5000000000) }""");
        Assert.That(result.Errors, Is.Empty, result.ToJson());
        var data = Json(result.ToJson()).GetProperty("data");
        Assert.That(DateTimeOffset.Parse(data.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero)));
        Assert.That(data.GetProperty("big").GetInt64(), Is.EqualTo(10000000000));
    }

    [Test]
    public void Invalid_sdl_is_rejected_by_the_type_system_builder()
    {
        Assert.Throws<SchemaValidationException>(() => ExecutableSchemaBuilder.FromSdl("type Query { a: Missing }"));
        Assert.Throws<SchemaValidationException>(() => ExecutableSchemaBuilder.FromSdl("type Query {"));
        var schema = ExecutableSchemaBuilder.FromSdl("type Query { a: Int }").Build();
        Assert.That(schema.TypeSystem.QueryType.Name, Is.EqualTo("Query"));
    }

    [Test]
    public void A_schema_built_by_the_type_system_builder_is_compiled_and_kept_for_validation()
    {
        var typeSystem = SchemaBuilder.FromSdl("type Query { greeting(name: String = \"you\"): String }");
        var schema = ExecutableSchemaBuilder.FromSchema(typeSystem)
            .Resolve("Query", "greeting", ctx => "hello " + ctx.Argument<string>("name"))
            .Build();

        Assert.That(schema.TypeSystem, Is.SameAs(typeSystem));
        Assert.That(schema.Types.Select(t => t.Name), Is.EqualTo(typeSystem.Types.Select(t => t.Name)));
        AssertJson(Execute(schema, "{ greeting }"), """{"data":{"greeting":"hello you"}}""");
    }

    [Test]
    public void Resolver_context_exposes_path_services_and_items()
    {
        var services = new ServiceCollection()
            .AddSingleton(new Plan("svc", "From DI", 1, PlanStatus.Active))
            .BuildServiceProvider();
        IReadOnlyList<object>? seenPath = null;
        var schema = ExecutableSchemaBuilder.FromSdl("type Query { plans: [Plan] } type Plan { name: String }")
            .Resolve("Query", "plans", ctx => new[] { ctx.Service<Plan>(), ctx.Service<Plan>() })
            .Resolve<Plan>("Plan", "name", (plan, ctx) =>
            {
                seenPath = ctx.Path;
                ctx.Items.AddOrUpdate("count", 1, (_, n) => (int)n + 1);
                return plan.Name + "#" + ctx.Items["count"];
            })
            .Build();
        var result = Executor.ExecuteAsync(schema, Hotspot.GraphQL.Language.Parser.Parse("{ plans { name } }"), services: services)
            .AsTask().GetAwaiter().GetResult();
        AssertJson(result, """{"data":{"plans":[{"name":"From DI#1"},{"name":"From DI#2"}]}}""");
        Assert.That(seenPath, Is.EqualTo(new object[] { "plans", 1, "name" }));
    }
}
