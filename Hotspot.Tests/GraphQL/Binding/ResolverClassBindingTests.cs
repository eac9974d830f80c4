using System.Text.Json;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;
using Microsoft.Extensions.DependencyInjection;
using static Hotspot.Tests.GraphQL.Execution.ExecutionTestKit;

namespace Hotspot.Tests.GraphQL.Binding;

/// <summary>
/// Resolver classes bound by convention (<c>[ObjectType]</c>, <c>[ExtendObjectType]</c>, <c>[Parent]</c>, typed
/// arguments, services, middleware, per-call scoped values, <c>[Subscribe]</c>) and the strict two-way start-up check.
/// </summary>
public class ResolverClassBindingTests
{
    private const string Sdl = """
        type Query {
          greeting(name: String!, shout: Boolean = false): String!
          book(id: ID!): Book
          books(genre: Genre, first: Int = 10): [Book!]!
          audit: [String!]!
        }
        type Mutation { addBook(input: BookInput!): Book!, removeBook(id: ID!): Boolean! }
        type Subscription { bookAdded(genre: Genre): Book! }
        type Book { id: ID!, title: String!, genre: Genre!, label: String! }
        enum Genre { SCIENCE_FICTION, HISTORY }
        input BookInput { title: String!, genre: Genre! }
        """;

    public enum Genre { ScienceFiction, History }

    public sealed record Book(string Id, string Title, Genre Genre);

    public sealed record BookInput(string Title, Genre Genre);

    /// <summary>A service resolvers take as a parameter.</summary>
    public sealed class Library
    {
        public List<Book> Books { get; } = [new("b1", "Dune", Genre.ScienceFiction), new("b2", "SPQR", Genre.History)];
        public List<string> Log { get; } = [];
    }

    /// <summary>A value made per resolver call, like a database context; records when it is disposed.</summary>
    public sealed class Session(Library library) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            library.Log.Add("session disposed");
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Upper-cases a string result, logging around the call.</summary>
    public sealed class UpperCaseAttribute : FieldMiddlewareAttribute
    {
        public override FieldMiddleware Create(System.Reflection.MethodInfo method, Type resultType) =>
            resultType != typeof(string)
                ? throw new InvalidOperationException($"[UpperCase] needs a string result, not {resultType.Name}.")
                : async (context, next) =>
                {
                    var library = context.Service<Library>();
                    library.Log.Add("middleware before");
                    var value = (string?)await next(context);
                    library.Log.Add("middleware after");
                    return value?.ToUpperInvariant();
                };
    }

    [ObjectType("Query")]
    public static class QueryResolvers
    {
        [UpperCase]
        public static async Task<string> GreetingAsync(string name, Session session, Library library, CancellationToken cancellationToken,
            bool shout = false)
        {
            await Task.Yield();
            library.Log.Add("greeting");
            return shout ? $"Hello, {name}!" : $"hello, {name}";
        }

        public static Book? GetBook(string id, Library library) => library.Books.FirstOrDefault(b => b.Id == id);

        public static IEnumerable<Book> Books(Genre? genre, int first, Library library) =>
            library.Books.Where(b => genre is null || b.Genre == genre).Take(first);

        public static List<string> Audit(Library library) => library.Log;
    }

    [ObjectType("Book", typeof(Book))]
    public sealed class BookResolvers
    {
        // An instance method: the binder makes one BookResolvers at start-up.
        public string Label([Parent] Book book) => $"{book.Title} ({book.Genre})";
    }

    [ExtendObjectType("Mutation")]
    public static class AddBookMutations
    {
        public static Book AddBook(BookInput input, Library library)
        {
            var book = new Book("b" + (library.Books.Count + 1), input.Title, input.Genre);
            library.Books.Add(book);
            return book;
        }
    }

    [ExtendObjectType("Mutation")]
    public static class RemoveBookMutations
    {
        public static bool RemoveBook([GraphQLName("id")] string bookId, Library library) =>
            library.Books.RemoveAll(b => b.Id == bookId) > 0;
    }

    [ObjectType("Subscription")]
    public static class SubscriptionResolvers
    {
        [Subscribe]
        public static async IAsyncEnumerable<Book> BookAdded(Genre? genre, Library library,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var book in library.Books.Where(b => genre is null || b.Genre == genre).ToList())
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                yield return book;
            }
        }
    }

    private static readonly Type[] AllClasses =
    [
        typeof(QueryResolvers), typeof(BookResolvers), typeof(AddBookMutations), typeof(RemoveBookMutations), typeof(SubscriptionResolvers),
    ];

    private static ExecutableSchemaBuilder Builder(string sdl, params Type[] classes) => ExecutableSchemaBuilder.FromSdl(sdl)
        .ExposeExceptionMessages()
        .AddResolvers(classes)
        .ResolverScoped(context => new ValueTask<Session>(new Session(context.Service<Library>())))
        .RequireExplicitResolvers();

    private static (ExecutableSchema Schema, ServiceProvider Services, Library Library) Bound()
    {
        var library = new Library();
        var services = new ServiceCollection().AddSingleton(library).BuildServiceProvider();
        return (Builder(Sdl, AllClasses).Build(), services, library);
    }

    private static ExecutionResult Run(ExecutableSchema schema, IServiceProvider services, string query, string? variables = null)
    {
        JsonElement? values = variables is null ? null : Json(variables);
        return Executor.ExecuteAsync(schema, Parser.Parse(query), null, values, null, services).AsTask().GetAwaiter().GetResult();
    }

    [Test]
    public void Methods_bind_by_name_with_typed_arguments_parent_and_services()
    {
        var (schema, services, _) = Bound();
        AssertJson(Run(schema, services, """{ book(id: "b1") { id title genre label } books(genre: HISTORY) { title } all: books { id } }"""), """
            {"data":{"book":{"id":"b1","title":"Dune","genre":"SCIENCE_FICTION","label":"Dune (ScienceFiction)"},"books":[{"title":"SPQR"}],"all":[{"id":"b1"},{"id":"b2"}]}}
            """);
    }

    [Test]
    public void Input_objects_become_records_and_mutations_come_from_several_classes()
    {
        var (schema, services, library) = Bound();
        AssertJson(Run(schema, services, """mutation($i: BookInput!) { addBook(input: $i) { id title genre } removeBook(id: "b1") }""",
            """{ "i": { "title": "Herodotus", "genre": "HISTORY" } }"""), """
            {"data":{"addBook":{"id":"b3","title":"Herodotus","genre":"HISTORY"},"removeBook":true}}
            """);
        Assert.That(library.Books.Select(b => b.Id), Is.EqualTo(new[] { "b2", "b3" }));
    }

    [Test]
    public void Middleware_wraps_the_method_and_a_scoped_value_lives_until_the_middleware_is_done()
    {
        var (schema, services, library) = Bound();
        AssertJson(Run(schema, services, """{ greeting(name: "Amani", shout: true) }"""), """{"data":{"greeting":"HELLO, AMANI!"}}""");
        Assert.That(library.Log, Is.EqualTo(new[] { "middleware before", "greeting", "middleware after", "session disposed" }));
    }

    [Test]
    public void A_subscribe_method_becomes_the_field_source_stream()
    {
        var (schema, services, _) = Bound();
        var field = schema.SubscriptionType!.GetField("bookAdded")!;
        Assert.That(field.Subscriber, Is.Not.Null);
        var titles = new List<string>();
        var arguments = new Dictionary<string, object?> { ["genre"] = "SCIENCE_FICTION" };
        // The engine does not execute subscriptions yet: open the stream the way its executor will.
        var context = ResolverContextFor(schema, field, arguments, services);
        var stream = field.Subscriber!(context).AsTask().GetAwaiter().GetResult();
        var enumerator = stream.GetAsyncEnumerator();
        while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult()) titles.Add(((Book)enumerator.Current!).Title);
        Assert.That(titles, Is.EqualTo(new[] { "Dune" }));
    }

    private static ResolverContext ResolverContextFor(ExecutableSchema schema, ExecutableField field,
        IReadOnlyDictionary<string, object?> arguments, IServiceProvider services)
    {
        var document = Parser.Parse("subscription { bookAdded { id } }");
        var operation = (OperationDefinitionNode)document.Definitions[0];
        var operationContext = new OperationContext(schema, schema.GetPlan(document), operation,
            new Dictionary<string, object?>(), null, services, CancellationToken.None);
        var node = (FieldNode)operation.SelectionSet.Selections[0];
        return new ResolverContext(operationContext, schema.SubscriptionType!, field, [node], null, arguments, null, "bookAdded");
    }

    [Test]
    public void A_field_without_a_method_stops_the_build_naming_the_field_and_the_class()
    {
        var sdl = Sdl.Replace("audit: [String!]!", "audit: [String!]!\n  unbound: String");
        var error = Assert.Throws<SchemaBindingException>(() => Builder(sdl, AllClasses).Build())!;
        Assert.That(error.Problems, Is.EqualTo(new[]
        {
            "Query.unbound has no resolver: no method Unbound, UnboundAsync or GetUnbound in QueryResolvers, and \"Query\" has no backing type.",
        }));
    }

    [Test]
    public void A_backed_field_without_a_method_or_member_stops_the_build_naming_both()
    {
        var sdl = Sdl.Replace("label: String! }", "label: String!, isbn: String }");
        var error = Assert.Throws<SchemaBindingException>(() => Builder(sdl, AllClasses).Build())!;
        Assert.That(error.Problems, Is.EqualTo(new[]
        {
            "Book.isbn has no resolver: no method Isbn, IsbnAsync or GetIsbn in BookResolvers, and Book has no member \"isbn\".",
        }));
    }

    [Test]
    public void A_method_without_a_field_stops_the_build_naming_both()
    {
        var sdl = Sdl.Replace("  audit: [String!]!\n", "");
        var error = Assert.Throws<SchemaBindingException>(() => Builder(sdl, AllClasses).Build())!;
        Assert.That(error.Problems, Is.EqualTo(new[]
        {
            "QueryResolvers.Audit resolves Query.audit, but \"Query\" has no field \"audit\".",
        }));
    }

    [Test]
    public void Parameters_and_arguments_that_do_not_match_stop_the_build()
    {
        var sdl = Sdl.Replace("book(id: ID!): Book", "book(bookId: ID!): Book").Replace("books(genre: Genre, first: Int = 10)", "books(genre: Genre, first: Int = 10, after: String)");
        var error = Assert.Throws<SchemaBindingException>(() => Builder(sdl, AllClasses).Build())!;
        Assert.That(error.Problems, Is.EquivalentTo(new[]
        {
            "QueryResolvers.GetBook has parameter \"id\", but Query.book has no argument \"id\" (its arguments: bookId).",
            "Query.book has argument \"bookId\", but QueryResolvers.GetBook has no parameter \"bookId\".",
            "Query.books has argument \"after\", but QueryResolvers.Books has no parameter \"after\".",
        }));
    }

    [Test]
    public void A_class_for_a_type_the_schema_lacks_and_a_middleware_that_does_not_fit_are_problems()
    {
        var error = Assert.Throws<SchemaBindingException>(() => Builder(Sdl, [.. AllClasses, typeof(Orphan), typeof(CountResolvers)]).Build())!;
        Assert.That(error.Problems, Does.Contain("Orphan is bound to \"Author\", but the schema has no object type \"Author\"."));
        Assert.That(error.Problems, Does.Contain("CountResolvers.Genre (Book.genre): [UpperCase] needs a string result, not Int32."));
    }

    [ExtendObjectType("Book")]
    public static class CountResolvers
    {
        [UpperCase]
        public static int Genre() => 1;
    }

    [ObjectType("Author")]
    public static class Orphan
    {
        public static string Name() => "nobody";
    }

    [Test]
    public void Resolvers_are_compiled_on_their_first_call_into_delegates_named_after_their_method()
    {
        var (schema, services, _) = Bound();
        var field = schema.QueryType.GetField("book")!;
        Assert.That(field.Resolver!.Method.Name, Does.Not.Contain("QueryResolvers.GetBook"), "not compiled at load");

        AssertJson(Run(schema, services, """{ book(id: "b1") { title } }"""), """{"data":{"book":{"title":"Dune"}}}""");
        AssertJson(Run(schema, services, """{ book(id: "b2") { title } }"""), """{"data":{"book":{"title":"SPQR"}}}""");
        Assert.That(field.Resolver!.Method.Name, Does.Contain("QueryResolvers.GetBook"));
    }
}
