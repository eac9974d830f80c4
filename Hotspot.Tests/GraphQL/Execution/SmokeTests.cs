using static Hotspot.Tests.GraphQL.Execution.ExecutionTestKit;

namespace Hotspot.Tests.GraphQL.Execution;

public class SmokeTests
{
    [Test]
    public void Executes_a_simple_query_over_json_root_value()
    {
        var schema = Schema("type Query { hello: String, n: Int }");
        var result = Execute(schema, "{ hello n __typename }", rootValue: Json("""{"hello":"world","n":3}"""));
        AssertJson(result, """{"data":{"hello":"world","n":3,"__typename":"Query"}}""");
    }
}
