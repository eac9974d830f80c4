namespace Hotspot.GraphQL.Errors;

/// <summary>
/// An error as the GraphQL spec describes it (section 7.1.2): a message, the source locations it refers to,
/// the response path of the field that raised it, and free-form extensions (for instance <c>code</c>).
/// </summary>
public sealed class GraphQLError
{
    private static readonly SourceLocation[] NoLocations = [];

    public GraphQLError(
        string message,
        IReadOnlyList<SourceLocation>? locations = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null,
        Exception? originalError = null)
    {
        Message = message;
        Locations = locations ?? NoLocations;
        Path = path;
        Extensions = extensions;
        OriginalError = originalError;
    }

    public GraphQLError(string message, SourceLocation location)
        : this(message, [location])
    {
    }

    public string Message { get; }

    /// <summary>Source positions the error refers to; empty when it refers to none.</summary>
    public IReadOnlyList<SourceLocation> Locations { get; }

    /// <summary>Response path (field names as <see cref="string"/>, list indices as <see cref="int"/>), or null.</summary>
    public IReadOnlyList<object>? Path { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The exception a resolver threw, if any; never serialized.</summary>
    public Exception? OriginalError { get; }

    public GraphQLError WithPath(IReadOnlyList<object>? path) =>
        new(Message, Locations, path, Extensions, OriginalError);

    public override string ToString()
    {
        if (Locations.Count == 0)
        {
            return Message;
        }

        var first = Locations[0];
        return $"{Message} ({first.Line}:{first.Column})";
    }
}
