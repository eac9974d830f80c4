using System.Text.Json;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Http;
using Hotspot.GraphQL.Language;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.GraphQL.Http;

/// <summary>An in-memory ASP.NET Core app serving a small schema over a JSON root value with <c>MapGraphQL</c>.</summary>
public sealed class GraphQLTestServer : IAsyncDisposable
{
    public const string Schema = """
        type Query {
          hello(name: String = "world"): String!
          user(id: ID!): User
          users: [User!]!
          broken: User
        }

        type User {
          id: ID!
          name: String!
          friends: [User!]
        }

        type Mutation {
          rename(id: ID!, name: String!): User
        }
        """;

    public const string Data = """
        {
          "hello": "world",
          "user": { "id": "1", "name": "Ada", "friends": [ { "id": "2", "name": "Grace" } ] },
          "users": [ { "id": "1", "name": "Ada" }, { "id": "2", "name": "Grace" } ],
          "broken": { "id": "3", "name": null },
          "rename": { "id": "1", "name": "Ada L." }
        }
        """;

    private readonly WebApplication _app;

    private GraphQLTestServer(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<GraphQLTestServer> StartAsync(GraphQLHttpOptions? options = null)
    {
        var schema = ExecutableSchemaBuilder.FromDocument(Parser.Parse(Schema)).Build();
        var root = JsonDocument.Parse(Data).RootElement.Clone();
        options ??= new GraphQLHttpOptions();
        options.RootValue ??= _ => root;

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGraphQL("/graphql", schema, options);
        await app.StartAsync();
        return new GraphQLTestServer(app, app.GetTestClient());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
