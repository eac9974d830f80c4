using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;

namespace GraphQLHost;

/// <summary>Reads an SDL file into an executable schema with default resolvers (JSON property lookup).</summary>
public static class HostSchemaLoader
{
    public static ExecutableSchema? Load(string path, out string? error)
    {
        error = null;
        try
        {
            var sdl = Parser.Parse(File.ReadAllText(path));
            return new ExecutableSchemaBuilder(sdl).Build();
        }
        catch (GraphQLSyntaxException exception)
        {
            error = exception.Error.ToString();
        }
        catch (SchemaBindingException exception)
        {
            error = exception.Message;
        }
        catch (IOException exception)
        {
            error = exception.Message;
        }

        return null;
    }
}
