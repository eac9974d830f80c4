namespace Hotspot.GraphQL.Binding;

/// <summary>
/// Marks one of several classes that resolve fields of the same object type, typically <c>Mutation</c> split by
/// feature (HotChocolate's <c>[ExtendObjectType]</c>). Binding works as for <see cref="ObjectTypeAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class ExtendObjectTypeAttribute(string name, Type? backedBy = null) : ObjectTypeAttribute(name, backedBy);
