namespace Hotspot.GraphQL.Http;

/// <summary>Counts the open sockets and event streams of each principal, for the per-principal connection limit.</summary>
internal sealed class PrincipalConnections(int limit)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>Counts one more connection of <paramref name="principal"/>, unless it already holds the limit.</summary>
    public bool TryEnter(string principal)
    {
        lock (_open)
        {
            var count = _open.GetValueOrDefault(principal);
            if (count >= limit) return false;
            _open[principal] = count + 1;
            return true;
        }
    }

    public void Leave(string principal)
    {
        lock (_open)
        {
            var count = _open.GetValueOrDefault(principal) - 1;
            if (count <= 0) _open.Remove(principal);
            else _open[principal] = count;
        }
    }
}
