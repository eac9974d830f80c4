namespace Hotspot.GraphQL.Binding;

/// <summary>
/// Marks the method that opens the source stream of a <c>Subscription</c> field (HotChocolate's <c>[Subscribe]</c>):
/// it returns <see cref="IAsyncEnumerable{T}"/> (or a task of one) and takes arguments, services, <see cref="ParentAttribute"/>
/// and a <see cref="CancellationToken"/> like any resolver. Each event becomes the parent value of the field, which
/// resolves to the event itself, so the event's type is what the field's selection set reads.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SubscribeAttribute : Attribute;
