namespace Hotspot.GraphQL.Binding;

/// <summary>
/// Binds a <c>Subscription</c> field's source stream (HotChocolate's <c>[Subscribe]</c>). On its own, it marks the
/// method that opens the stream: it returns <see cref="IAsyncEnumerable{T}"/> (or a task of one) and takes arguments,
/// services and a <see cref="CancellationToken"/> like any resolver; each event is then the field's value. With
/// <see cref="With"/>, it marks the field's resolver instead, and <see cref="With"/> names the method of the same
/// class that opens the stream: the resolver runs once per event with the event as its <see cref="ParentAttribute"/>
/// value, so work that may fail for one event (a row read, a permission check) fails that event only.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SubscribeAttribute : Attribute
{
    /// <summary>The method (any visibility) of the same class that opens the source stream; null when this method does.</summary>
    public string? With { get; init; }
}
