using System.Diagnostics;
using System.Text.Json;
using Hotspot.GraphQL.Execution;
using static Hotspot.Tests.GraphQL.Execution.ExecutionTestKit;

namespace Hotspot.Tests.GraphQL.Introspection;

/// <summary>Introspection (spec section 4), answering graphql-js 16's full introspection query.</summary>
public class IntrospectionTests
{
    private static ExecutableSchema Kitchen() => Schema(IntrospectionSchemas.Kitchen);

    private static JsonElement Introspect(ExecutableSchema schema)
    {
        var result = Execute(schema, IntrospectionQueries.Full);
        Assert.That(result.Errors, Is.Empty, result.ToJson());
        return Json(result.ToJson()).GetProperty("data").GetProperty("__schema");
    }

    private static JsonElement TypeNamed(JsonElement schema, string name) =>
        schema.GetProperty("types").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    private static JsonElement Named(JsonElement list, string name) =>
        list.EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

    [Test]
    public void Full_query_reports_schema_description_roots_and_directives()
    {
        var schema = Introspect(Kitchen());
        Assert.That(schema.GetProperty("description").GetString(), Is.EqualTo("The kitchen-sink schema."));
        Assert.That(schema.GetProperty("queryType").GetRawText(), Is.EqualTo("""{"name":"Root","kind":"OBJECT"}"""));
        Assert.That(schema.GetProperty("mutationType").GetProperty("name").GetString(), Is.EqualTo("Changes"));
        Assert.That(schema.GetProperty("subscriptionType").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var directives = schema.GetProperty("directives");
        Assert.That(directives.EnumerateArray().Select(d => d.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "cost", "internal", "include", "skip", "deprecated", "specifiedBy", "oneOf" }));
        var cost = Named(directives, "cost");
        Assert.That(cost.GetProperty("isRepeatable").GetBoolean(), Is.True);
        Assert.That(cost.GetProperty("description").GetString(), Is.EqualTo("Marks a field as costly."));
        Assert.That(cost.GetProperty("locations").GetRawText(), Is.EqualTo("""["FIELD_DEFINITION","OBJECT"]"""));
        Assert.That(Named(cost.GetProperty("args"), "reasons").GetProperty("defaultValue").GetString(), Is.EqualTo("[\"slow\"]"));
        Assert.That(Named(Named(directives, "deprecated").GetProperty("args"), "reason").GetProperty("defaultValue").GetString(),
            Is.EqualTo("\"No longer supported\""));
    }

    [Test]
    public void Full_query_reports_types_with_every_optional_field()
    {
        var schema = Introspect(Kitchen());
        var dateTime = TypeNamed(schema, "DateTime");
        Assert.That(dateTime.GetProperty("kind").GetString(), Is.EqualTo("SCALAR"));
        Assert.That(dateTime.GetProperty("specifiedByURL").GetString(), Is.EqualTo("https://scalars.graphql.org/andimarek/date-time"));
        Assert.That(dateTime.GetProperty("isOneOf").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(TypeNamed(schema, "PlanKey").GetProperty("isOneOf").GetBoolean(), Is.True);
        Assert.That(TypeNamed(schema, "VoucherFilter").GetProperty("isOneOf").GetBoolean(), Is.False);

        var voucher = TypeNamed(schema, "Voucher");
        var oldCode = Named(voucher.GetProperty("fields"), "oldCode");
        Assert.That(oldCode.GetProperty("isDeprecated").GetBoolean(), Is.True);
        Assert.That(oldCode.GetProperty("deprecationReason").GetString(), Is.EqualTo("Use `code`."));
        Assert.That(Named(voucher.GetProperty("fields"), "legacy").GetProperty("deprecationReason").GetString(), Is.EqualTo("No longer supported"));
        Assert.That(voucher.GetProperty("interfaces").EnumerateArray().Select(i => i.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "Entity", "Node" }));

        var node = TypeNamed(schema, "Node");
        Assert.That(node.GetProperty("possibleTypes").EnumerateArray().Select(i => i.GetProperty("name").GetString()),
            Is.EquivalentTo(new[] { "Voucher", "Plan" }));
        Assert.That(TypeNamed(schema, "Entity").GetProperty("interfaces")[0].GetProperty("name").GetString(), Is.EqualTo("Node"));

        var name = Named(TypeNamed(schema, "Plan").GetProperty("fields"), "name");
        var style = Named(name.GetProperty("args"), "style");
        Assert.That(style.GetProperty("isDeprecated").GetBoolean(), Is.True);
        Assert.That(style.GetProperty("description").GetString(), Is.EqualTo("Old style"));

        var vouchers = Named(TypeNamed(schema, "Plan").GetProperty("fields"), "vouchers");
        Assert.That(vouchers.GetProperty("type").GetRawText(), Is.EqualTo(
            """{"kind":"NON_NULL","name":null,"ofType":{"name":null,"kind":"LIST","ofType":{"name":null,"kind":"NON_NULL","ofType":{"name":"Voucher","kind":"OBJECT","ofType":null}}}}"""));
        Assert.That(Named(vouchers.GetProperty("args"), "status").GetProperty("defaultValue").GetString(), Is.EqualTo("[ACTIVE]"));
        Assert.That(Named(vouchers.GetProperty("args"), "filter").GetProperty("defaultValue").GetString(),
            Is.EqualTo("{status: USED, minMinutes: 5, code: \"X-1\", ratio: 1.5, ids: [1, \"a\"]}"));

        var filterFields = TypeNamed(schema, "VoucherFilter").GetProperty("inputFields");
        Assert.That(Named(filterFields, "old").GetProperty("deprecationReason").GetString(), Is.EqualTo("Unused"));
        Assert.That(Named(filterFields, "ids").GetProperty("defaultValue").GetString(), Is.EqualTo("[1, \"a\"]"));

        var status = TypeNamed(schema, "VoucherStatus").GetProperty("enumValues");
        Assert.That(status.GetArrayLength(), Is.EqualTo(3));
        Assert.That(Named(status, "ACTIVE").GetProperty("description").GetString(), Is.EqualTo("Ready to use."));
        Assert.That(Named(status, "EXPIRED").GetProperty("isDeprecated").GetBoolean(), Is.True);
    }

    [Test]
    public void Types_are_listed_in_graphql_js_order()
    {
        // Order printed by graphql-js 16.15 for buildSchema(Kitchen).getTypeMap().
        var names = Introspect(Kitchen()).GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString());
        Assert.That(names, Is.EqualTo(new[]
        {
            "DateTime", "Long", "Node", "ID", "Entity", "Voucher", "String", "Int", "Plan", "Boolean", "Float", "SearchResult",
            "VoucherStatus", "VoucherFilter", "PlanKey", "Root", "Changes", "__Schema", "__Type", "__TypeKind", "__Field",
            "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation",
        }));
    }

    [Test]
    public void Only_referenced_built_in_scalars_are_listed()
    {
        var names = Introspect(Kitchen()).GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.That(names, Is.Unique);
        Assert.That(names, Is.SupersetOf(new[] { "String", "Boolean", "Int", "Float", "ID", "__Schema", "__Type", "__TypeKind",
            "__Field", "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation" }));
        var small = Introspect(Schema("type Query { a: String }")).GetProperty("types").EnumerateArray()
            .Select(t => t.GetProperty("name").GetString()).Where(n => !n!.StartsWith("__")).ToList();
        Assert.That(small, Is.EquivalentTo(new[] { "Query", "String", "Boolean" }));
    }

    [Test]
    public void Deprecated_members_are_hidden_unless_asked_for()
    {
        var result = Execute(Kitchen(), """
            { voucher: __type(name: "Voucher") { fields { name } all: fields(includeDeprecated: true) { name } }
              status: __type(name: "VoucherStatus") { enumValues { name } }
              filter: __type(name: "VoucherFilter") { inputFields { name } }
              plan: __type(name: "Plan") { fields { name args { name } } }
              missing: __type(name: "Nope") { name } }
            """);
        AssertJson(result, """
            {"data":{
              "voucher":{"fields":[{"name":"id"},{"name":"createdAt"},{"name":"code"},{"name":"minutes"},{"name":"status"}],
                         "all":[{"name":"id"},{"name":"createdAt"},{"name":"code"},{"name":"minutes"},{"name":"status"},{"name":"oldCode"},{"name":"legacy"}]},
              "status":{"enumValues":[{"name":"ACTIVE"},{"name":"USED"}]},
              "filter":{"inputFields":[{"name":"status"},{"name":"minMinutes"},{"name":"code"},{"name":"ratio"},{"name":"ids"}]},
              "plan":{"fields":[{"name":"id","args":[]},{"name":"name","args":[{"name":"upper"}]},{"name":"price","args":[]},
                      {"name":"vouchers","args":[{"name":"first"},{"name":"after"},{"name":"status"},{"name":"filter"}]}]},
              "missing":null}}
            """);
    }

    [Test]
    public void Directives_answer_deprecation_and_deprecated_applies_to_directive_definitions_as_in_graphql_js_16_15()
    {
        var result = Execute(Kitchen(), """
            { __schema { directives { name isDeprecated deprecationReason locations } }
              directive: __type(name: "__Directive") { fields { name } } }
            """);
        Assert.That(result.Errors, Is.Empty, result.ToJson());
        var data = Json(result.ToJson()).GetProperty("data");
        var directives = data.GetProperty("__schema").GetProperty("directives");
        Assert.That(directives.EnumerateArray().Select(d => d.GetProperty("isDeprecated").GetBoolean()), Is.All.False);
        Assert.That(Named(directives, "deprecated").GetProperty("locations").GetRawText(),
            Is.EqualTo("""["FIELD_DEFINITION","ARGUMENT_DEFINITION","INPUT_FIELD_DEFINITION","ENUM_VALUE","DIRECTIVE_DEFINITION"]"""));
        Assert.That(data.GetProperty("directive").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "name", "description", "isRepeatable", "locations", "args", "isDeprecated", "deprecationReason" }));
    }

    [Test]
    public void Typename_works_on_roots_interfaces_and_unions()
    {
        var schema = Kitchen();
        var result = Execute(schema, "mutation { __typename } ", rootValue: null);
        AssertJson(result, """{"data":{"__typename":"Changes"}}""");
        var search = Execute(schema, "{ __typename search(text: \"x\") { __typename ... on Node { id } } }",
            rootValue: Json("""{"search":[{"__typename":"Plan","id":"p"},{"__typename":"Voucher","id":"v"}]}"""));
        AssertJson(search, """{"data":{"__typename":"Root","search":[{"__typename":"Plan","id":"p"},{"__typename":"Voucher","id":"v"}]}}""");
    }

    /// <summary>
    /// The served introspection, rebuilt by graphql-js's <c>buildClientSchema</c> and printed, equals graphql-js's
    /// print of the SDL (the oracle's check). Needs the conformance tools (CI sets HOTSPOT_CONFORMANCE_TOOLS).
    /// </summary>
    [Slow(TestCategories.Conformance)]
    [Test]
    public void Graphql_js_rebuilds_the_same_schema_from_the_introspection()
    {
        var tools = Hotspot.Tests.GraphQL.Language.GraphQLJsOracle.RequireTools();
        var work = Directory.CreateTempSubdirectory("introspection-");
        try
        {
            var sdlFile = Path.Combine(work.FullName, "schema.graphql");
            var jsonFile = Path.Combine(work.FullName, "introspection.json");
            var scriptFile = Path.Combine(work.FullName, "roundtrip.cjs");
            File.WriteAllText(sdlFile, IntrospectionSchemas.Kitchen);
            File.WriteAllText(jsonFile, Execute(Kitchen(), IntrospectionQueries.Full).ToJson());
            File.WriteAllText(scriptFile, """
                const g = require(process.argv[2]);
                const fs = require('fs');
                const print = (s) => g.printSchema(g.lexicographicSortSchema(s));
                const expected = print(g.buildSchema(fs.readFileSync(process.argv[3], 'utf8')));
                const served = print(g.buildClientSchema(JSON.parse(fs.readFileSync(process.argv[4], 'utf8')).data));
                if (expected === served) { console.log('EQUAL'); } else { console.log(expected + '\n=====\n' + served); }
                """);
            var start = new ProcessStartInfo("node")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { scriptFile, Path.Combine(tools, "node_modules", "graphql"), sdlFile, jsonFile })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.That(output.Trim(), Is.EqualTo("EQUAL"), errors);
        }
        finally
        {
            work.Delete(true);
        }
    }
}
