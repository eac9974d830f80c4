namespace Hotspot.Api.Events;

/// <summary>What happened to a RADIUS session (the GraphQL enum <c>RouterSessionEventKind</c>).</summary>
public enum RouterSessionChange
{
    Started,
    Stopped,
}
