// Usage: dotnet BareKestrel.dll --response <file> --content-type <type> --urls http://127.0.0.1:PORT
// Answers POST /graphql with the bytes of <file>: what a GraphQL server would send, without computing it.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var responsePath = builder.Configuration["response"];
if (string.IsNullOrEmpty(responsePath) || !File.Exists(responsePath))
{
    Console.Error.WriteLine("usage: BareKestrel --response <file> [--content-type <type>] [--urls <url>]");
    return 2;
}

var body = File.ReadAllBytes(responsePath);
var contentType = builder.Configuration["content-type"] ?? "application/json; charset=utf-8";
var app = builder.Build();
app.MapPost("/graphql", async context =>
{
    // Read the request body as a GraphQL server must, then write the fixed response.
    while (true)
    {
        var read = await context.Request.BodyReader.ReadAsync(context.RequestAborted);
        context.Request.BodyReader.AdvanceTo(read.Buffer.End);
        if (read.IsCompleted)
        {
            break;
        }
    }

    context.Response.ContentType = contentType;
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body, context.RequestAborted);
});
app.Run();
return 0;
