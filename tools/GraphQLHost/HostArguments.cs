namespace GraphQLHost;

/// <summary>The command line: <c>--schema &lt;file.graphql&gt; --data &lt;root.json&gt; [--urls &lt;url&gt;]</c>.</summary>
public sealed record HostArguments(string SchemaPath, string DataPath, string Urls)
{
    public const string DefaultUrls = "http://127.0.0.1:5000";

    public const string Usage =
        "usage: GraphQLHost --schema <file.graphql> --data <root.json> [--urls http://127.0.0.1:PORT]\n" +
        "Serves the SDL at /graphql (GET and POST; an explorer page for browsers) with the JSON file as root value\n" +
        "and default resolvers that read JSON properties, as graphql-js's graphql({ schema, rootValue }).";

    /// <summary>Parses the arguments; on failure returns null and says what is wrong.</summary>
    public static HostArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? schema = null, data = null, urls = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string? value = null;
            var equals = name.IndexOf('=');
            if (name.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            switch (name)
            {
                case "--schema": schema = value; break;
                case "--data": data = value; break;
                case "--urls": urls = value; break;
                case "--help" or "-h":
                    error = null;
                    return null;
                default:
                    error = $"Unknown argument '{args[i]}'.";
                    return null;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                error = $"Argument {name} needs a value.";
                return null;
            }
        }

        error = (schema, data) switch
        {
            (null, null) => "Missing --schema <file.graphql> and --data <root.json>.",
            (null, _) => "Missing --schema <file.graphql>.",
            (_, null) => "Missing --data <root.json>.",
            _ => null,
        };
        if (error is null && !File.Exists(schema))
        {
            error = $"Schema file '{schema}' does not exist.";
        }
        else if (error is null && !File.Exists(data))
        {
            error = $"Data file '{data}' does not exist.";
        }

        return error is null ? new HostArguments(schema!, data!, urls ?? DefaultUrls) : null;
    }
}
