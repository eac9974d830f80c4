using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;

namespace Hotspot.Tests.Subscriptions;

/// <summary>
/// The engine's Subscribe (spec 6.2.3): CreateSourceEventStream (arguments, the subscribe resolver, its errors as
/// request errors), MapSourceToResponseEvent (each event runs the selection set with the event as root value; a
/// field error stays in its event), a failing source ends the stream with its error, and cancelling the
/// enumeration releases the source stream.
/// </summary>
public class SubscriptionExecutorTests
{
    private sealed record Number(int Value);

    private int _released;

    [SetUp]
    public void Reset() => _released = 0;

    private ExecutableSchema CreateSchema() => ExecutableSchemaBuilder.FromSdl("""
            type Query { ok: Boolean }
            type Subscription { numbers(upTo: Int!, failAt: Int): Number! }
            type Number { value: Int! half: Int }
            """)
        .Resolve("Query", "ok", _ => true)
        .Subscribe("Subscription", "numbers", ctx =>
        {
            var upTo = ctx.Argument<int>("upTo");
            if (upTo < 0) throw new GraphQLException("upTo must not be negative.", "VALIDATION");
            return Task.FromResult(Numbers(upTo, ctx.ArgumentOrDefault<int?>("failAt"), CancellationToken.None));
        })
        .Resolve<Number>("Number", "half", (n, _) => n.Value % 2 == 0 ? n.Value / 2 : throw new GraphQLException("odd"))
        .Build();

    private async IAsyncEnumerable<Number> Numbers(int upTo, int? failAt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 1; i <= upTo; i++)
            {
                if (i == failAt) throw new GraphQLException("The source failed.", "SOURCE");
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                yield return new Number(i);
            }
            await Task.Delay(Timeout.Infinite, cancellationToken); // a live stream: it ends when the client leaves
        }
        finally
        {
            Interlocked.Increment(ref _released);
        }
    }

    private static async Task<SubscriptionStart> SubscribeAsync(ExecutableSchema schema, string query) =>
        await SubscriptionExecutor.SubscribeAsync(schema, Parser.Parse(query), null, null, null, null, null, CancellationToken.None);

    private static string Json(ExecutionResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) result.WriteTo(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Test]
    public async Task Each_event_runs_the_selection_set_and_a_field_error_stays_in_its_event()
    {
        var started = await SubscribeAsync(CreateSchema(), "subscription { numbers(upTo: 3) { value half } }");
        Assert.That(started.Result, Is.Null);
        using var cancellation = new CancellationTokenSource();
        var results = new List<string>();
        await foreach (var result in started.Events!.WithCancellation(cancellation.Token))
        {
            results.Add(Json(result));
            if (results.Count == 3) break;
        }
        Assert.That(results[0], Is.EqualTo("""{"errors":[{"message":"odd","locations":[{"line":1,"column":41}],"path":["numbers","half"]}],"data":{"numbers":{"value":1,"half":null}}}"""));
        Assert.That(results[1], Is.EqualTo("""{"data":{"numbers":{"value":2,"half":1}}}"""));
        Assert.That(results[2], Does.StartWith("""{"errors":[{"message":"odd" """.TrimEnd()));
        Assert.That(_released, Is.EqualTo(1), "leaving the enumeration disposed the source stream");
    }

    [Test]
    public async Task Cancelling_the_enumeration_releases_the_source_stream()
    {
        var started = await SubscribeAsync(CreateSchema(), "subscription { numbers(upTo: 1) { value } }");
        using var cancellation = new CancellationTokenSource();
        var count = 0;
        Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>().Or.Null, async () =>
        {
            await foreach (var _ in started.Events!.WithCancellation(cancellation.Token))
            {
                count++;
                cancellation.CancelAfter(50); // the client leaves while the stream waits for its next event
            }
        });
        await Task.Delay(100);
        Assert.That(count, Is.EqualTo(1));
        Assert.That(_released, Is.EqualTo(1));
    }

    [Test]
    public async Task An_error_from_the_subscribe_resolver_is_a_request_error_with_its_code()
    {
        var started = await SubscribeAsync(CreateSchema(), "subscription { numbers(upTo: -1) { value } }");
        Assert.That(started.Events, Is.Null);
        Assert.That(started.Result!.HasData, Is.False);
        Assert.That(Json(started.Result), Is.EqualTo(
            """{"errors":[{"message":"upTo must not be negative.","locations":[{"line":1,"column":16}],"path":["numbers"],"extensions":{"code":"VALIDATION"}}]}"""));
    }

    [Test]
    public async Task A_failing_source_stream_ends_with_its_error()
    {
        var started = await SubscribeAsync(CreateSchema(), "subscription { numbers(upTo: 5, failAt: 2) { value } }");
        var results = new List<string>();
        await foreach (var result in started.Events!) results.Add(Json(result));
        Assert.That(results, Has.Count.EqualTo(2));
        Assert.That(results[1], Is.EqualTo("""{"errors":[{"message":"The source failed.","locations":[{"line":1,"column":1}],"extensions":{"code":"SOURCE"}}]}"""));
    }

    [Test]
    public async Task A_query_is_answered_once_and_variables_that_do_not_coerce_are_a_request_error()
    {
        var schema = CreateSchema();
        var query = await SubscribeAsync(schema, "{ ok }");
        Assert.That(query.Events, Is.Null);
        Assert.That(Json(query.Result!), Is.EqualTo("""{"data":{"ok":true}}"""));

        var variables = JsonDocument.Parse("""{"n":"three"}""").RootElement;
        var refused = await SubscriptionExecutor.SubscribeAsync(schema, Parser.Parse("subscription($n: Int!) { numbers(upTo: $n) { value } }"),
            null, variables, null, null, null, CancellationToken.None);
        Assert.That(refused.Events, Is.Null);
        Assert.That(refused.Result!.HasData, Is.False);
    }
}
