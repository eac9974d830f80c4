using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;

namespace GraphQLHost;

/// <summary>
/// Reads an SDL file into an executable schema with default resolvers (JSON property lookup). The type-system
/// schema built from the same SDL (validated with the spec's type-system rules) goes with it, for validation.
/// </summary>
public static class HostSchemaLoader
{
    public static ExecutableSchema? Load(string path, out string? error)
    {
        error = null;
        try
        {
            // Builds and validates the type system from the SDL too (kept for validating requests).
            return ExecutableSchemaBuilder.FromDocument(Parser.Parse(File.ReadAllText(path))).Build();
        }
        catch (GraphQLSyntaxException exception)
        {
            error = exception.Error.ToString();
        }
        catch (SchemaValidationException exception)
        {
            error = string.Join(Environment.NewLine, exception.Errors.Select(e => "  - " + e));
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
