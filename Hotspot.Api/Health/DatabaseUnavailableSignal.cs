namespace Hotspot.Api.Health;

/// <summary>
/// A request feature: set when a database call made for this request failed because the database is unreachable,
/// even when the failure was then caught (a GraphQL resolver's exception becomes a field error in a 200 answer).
/// </summary>
public sealed class DatabaseUnavailableSignal
{
    private volatile Exception? _failure;

    public Exception? Failure => _failure;

    public void Record(Exception failure) => _failure ??= failure;
}
