using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;

namespace Hotspot.Tests.GraphQL.Binding;

/// <summary>
/// <c>[Subscribe(With = ...)]</c>: a private method opens the stream and reads the arguments, the marked method
/// resolves each event as its parent, and an error there fails that event only.
/// </summary>
public class SubscribeWithBindingTests
{
    private const string Sdl = """
        type Query { ok: Boolean! }
        type Subscription { square(upTo: Int!): Int! }
        """;

    [ObjectType("Query")]
    public static class QueryResolvers
    {
        public static bool Ok() => true;
    }

    [ObjectType("Subscription")]
    public static class SubscriptionResolvers
    {
        // Takes no argument: the stream read upTo.
        [Subscribe(With = nameof(NumbersAsync))]
        public static int Square([Parent] int number) => number == 2 ? throw new GraphQLException("two is refused") : number * number;

        private static async IAsyncEnumerable<int> NumbersAsync(int upTo, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var number = 1; number <= upTo; number++)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                yield return number;
            }
        }
    }

    [ObjectType("Subscription")]
    public static class MissingStream
    {
        [Subscribe(With = "Nowhere")]
        public static int Square([Parent] int number) => number;
    }

    private static ExecutableSchemaBuilder Builder(params Type[] classes) =>
        ExecutableSchemaBuilder.FromSdl(Sdl).ExposeExceptionMessages().AddResolvers(classes).RequireExplicitResolvers();

    [Test]
    public async Task The_stream_method_reads_the_arguments_and_the_resolver_each_event_with_errors_per_event()
    {
        var schema = Builder(typeof(QueryResolvers), typeof(SubscriptionResolvers)).Build();
        var started = await SubscriptionExecutor.SubscribeAsync(schema, Parser.Parse("subscription { square(upTo: 3) }"),
            null, null, null, null, null, CancellationToken.None);
        var results = new List<string>();
        await foreach (var result in started.Events!) results.Add(Json(result));
        Assert.That(results, Has.Count.EqualTo(3));
        Assert.That(results[0], Is.EqualTo("""{"data":{"square":1}}"""));
        Assert.That(results[1], Does.Contain("two is refused").And.Contain("\"data\":null"));
        Assert.That(results[2], Is.EqualTo("""{"data":{"square":9}}"""));
    }

    [Test]
    public void A_stream_method_that_does_not_exist_stops_the_build_naming_both()
    {
        var error = Assert.Throws<SchemaBindingException>(() => Builder(typeof(QueryResolvers), typeof(MissingStream)).Build())!;
        Assert.That(error.Problems, Does.Contain("MissingStream.Square subscribes with \"Nowhere\", but MissingStream has no method \"Nowhere\"."));
    }

    private static string Json(ExecutionResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) result.WriteTo(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
