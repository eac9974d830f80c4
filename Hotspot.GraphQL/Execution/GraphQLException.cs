namespace Hotspot.GraphQL.Execution;

/// <summary>
/// Thrown by a resolver (or a scalar hook) to report a field error with a message meant for the client and,
/// optionally, a machine-readable <c>extensions.code</c> and more extensions. Other exceptions are reported as
/// "Unexpected Execution Error" unless the schema exposes exception messages.
/// </summary>
public class GraphQLException : Exception
{
    public GraphQLException(string message, string? code = null, IReadOnlyDictionary<string, object?>? extensions = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Extensions = extensions;
    }

    /// <summary>Written as <c>extensions.code</c>.</summary>
    public string? Code { get; }

    /// <summary>More extensions, written beside <c>code</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }
}
