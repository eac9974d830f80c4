using System.Text.Json.Nodes;
using Hotspot.GraphQL.Execution;
using static Hotspot.Tests.GraphQL.Execution.ExecutionTestKit;

namespace Hotspot.Tests.GraphQL.Execution;

/// <summary>DataLoader batching: list fields load their items with one batch per level, not one query per item.</summary>
public class DataLoaderTests
{
    private sealed record Person(int Id, string Name, int BestFriendId, int[] FriendIds);

    private static readonly Dictionary<int, Person> People = Enumerable.Range(1, 20)
        .ToDictionary(i => i, i => new Person(i, "P" + i, i % 20 + 1, [i % 20 + 1, (i + 1) % 20 + 1]));

    private sealed class Store
    {
        public readonly List<int[]> Batches = new();

        public async Task<IReadOnlyDictionary<int, Person>> LoadAsync(IReadOnlyList<int> ids, CancellationToken ct)
        {
            lock (Batches) Batches.Add(ids.ToArray());
            await Task.Delay(5, ct); // a real store answers asynchronously
            return ids.Where(People.ContainsKey).ToDictionary(id => id, id => People[id]);
        }
    }

    private static ExecutableSchema CreateSchema(Store store) => Schema("""
        type Query { people(first: Int!): [Person!]!, person(id: Int!): Person }
        type Person { id: Int!, name: String!, bestFriend: Person, friends: [Person] }
        """, b => b
        .Resolve("Query", "people", ctx => People.Values.Take(ctx.Argument<int>("first")).ToList())
        .ResolveAsync("Query", "person", ctx => ctx.DataLoader<int, Person>("person", store.LoadAsync).LoadAsync(ctx.Argument<int>("id")))
        .ResolveAsync<Person, Person?>("Person", "bestFriend", (person, ctx) =>
            ctx.DataLoader<int, Person>("person", store.LoadAsync).LoadAsync(person.BestFriendId))
        .ResolveAsync<Person, Person?[]>("Person", "friends", (person, ctx) =>
            ctx.DataLoader<int, Person>("person", store.LoadAsync).LoadManyAsync(person.FriendIds)));

    [Test]
    public async Task A_list_field_loads_its_items_in_one_batch()
    {
        var store = new Store();
        var result = await ExecuteAsync(CreateSchema(store), "{ people(first: 10) { id bestFriend { name } } }");
        Assert.That(result.Errors, Is.Empty, result.ToJson());
        Assert.That(store.Batches, Has.Count.EqualTo(1));
        Assert.That(store.Batches[0], Is.EquivalentTo(Enumerable.Range(2, 10)));
        Assert.That(result.ToJson(), Does.StartWith("""{"data":{"people":[{"id":1,"bestFriend":{"name":"P2"}},{"id":2,"bestFriend":{"name":"P3"}}"""));
    }

    [Test]
    public async Task Each_level_of_nesting_costs_one_batch_and_keys_are_loaded_once_per_request()
    {
        var store = new Store();
        var result = await ExecuteAsync(CreateSchema(store),
            "{ people(first: 5) { bestFriend { bestFriend { name } friends { id } } } a: person(id: 1) { name } b: person(id: 1) { name } }");
        Assert.That(result.Errors, Is.Empty, result.ToJson());
        // Level 1: best friends 2..6 plus person 1; level 2: their best friends and friends, minus keys already cached.
        Assert.That(store.Batches, Has.Count.EqualTo(2), string.Join(" | ", store.Batches.Select(b => string.Join(",", b))));
        var all = store.Batches.SelectMany(b => b).ToList();
        Assert.That(all, Is.Unique, "a key is fetched once per request");
        Assert.That(store.Batches[0], Is.EquivalentTo(new[] { 2, 3, 4, 5, 6, 1 }));
    }

    [Test]
    public async Task Loads_of_different_requests_do_not_share_a_cache()
    {
        var store = new Store();
        var schema = CreateSchema(store);
        await ExecuteAsync(schema, "{ person(id: 3) { name } }");
        await ExecuteAsync(schema, "{ person(id: 3) { name } }");
        Assert.That(store.Batches, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_failed_batch_fails_each_load_as_a_field_error()
    {
        var schema = Schema("type Query { a: String, b: String }", b => b
            .ResolveAsync("Query", "a", ctx => Load(ctx, "a"))
            .ResolveAsync("Query", "b", ctx => Load(ctx, "b")));
        var result = await ExecuteAsync(schema, "{ a b }");
        // Both loads fail together; which error is listed first depends on which continuation runs first.
        Assert.That(result.Errors.Select(e => (e.Message, e.Locations.Single(), string.Join(".", e.Path!))), Is.EquivalentTo(new[]
        {
            ("store down", new Hotspot.GraphQL.Errors.SourceLocation(1, 3), "a"),
            ("store down", new Hotspot.GraphQL.Errors.SourceLocation(1, 5), "b"),
        }));
        Assert.That(JsonNode.Parse(result.ToJson())!["data"]!.ToJsonString(), Is.EqualTo("""{"a":null,"b":null}"""));

        static Task<string?> Load(Hotspot.GraphQL.Binding.ResolverContext ctx, string key) =>
            ctx.DataLoader<string, string>("failing", (_, _) => throw new GraphQLException("store down")).LoadAsync(key);
    }

    [Test]
    public async Task DataLoader_batches_keys_until_dispatched()
    {
        var dispatcher = new BatchDispatcher();
        var calls = 0;
        var loader = new DataLoader<int, string>(dispatcher, (keys, _) =>
        {
            calls++;
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "v" + k));
        }, maxBatchSize: 2);
        var loads = new[] { loader.LoadAsync(1), loader.LoadAsync(2), loader.LoadAsync(3), loader.LoadAsync(1) };
        Assert.That(loads.All(t => !t.IsCompleted), Is.True);
        Assert.That(dispatcher.HasPending, Is.True);
        await dispatcher.DispatchAsync(CancellationToken.None);
        Assert.That(await Task.WhenAll(loads), Is.EqualTo(new[] { "v1", "v2", "v3", "v1" }));
        Assert.That(calls, Is.EqualTo(2), "three distinct keys in batches of at most two");
        Assert.That(loader.BatchCount, Is.EqualTo(2));
    }
}
