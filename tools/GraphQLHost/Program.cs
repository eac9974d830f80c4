using System.Text.Json;
using GraphQLHost;
using Hotspot.GraphQL.Http;

// The conformance host: serves an SDL at /graphql with a JSON file as root value and default resolvers.
var arguments = HostArguments.Parse(args, out var error);
if (arguments is null)
{
    if (error is not null)
    {
        Console.Error.WriteLine("GraphQLHost: " + error);
    }

    Console.Error.WriteLine(HostArguments.Usage);
    return error is null ? 0 : 2;
}

var schema = HostSchemaLoader.Load(arguments.SchemaPath, out var schemaError);
if (schema is null)
{
    Console.Error.WriteLine($"GraphQLHost: the schema in '{arguments.SchemaPath}' cannot be served:\n{schemaError}");
    return 1;
}

JsonElement rootValue;
try
{
    using var document = JsonDocument.Parse(File.ReadAllBytes(arguments.DataPath));
    rootValue = document.RootElement.Clone();
}
catch (JsonException exception)
{
    Console.Error.WriteLine($"GraphQLHost: '{arguments.DataPath}' is not valid JSON: {exception.Message}");
    return 1;
}

if (rootValue.ValueKind != JsonValueKind.Object)
{
    Console.Error.WriteLine($"GraphQLHost: '{arguments.DataPath}' must hold a JSON object (the root value), not {rootValue.ValueKind}.");
    return 1;
}

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls(arguments.Urls);
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
var app = builder.Build();
var root = JsonRootValue.From(rootValue);
app.MapGraphQL("/graphql", schema, new GraphQLHttpOptions { RootValue = _ => root });
app.Run();
return 0;
