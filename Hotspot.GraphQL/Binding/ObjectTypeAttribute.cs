namespace Hotspot.GraphQL.Binding;

/// <summary>
/// Marks a class whose public methods resolve the fields of the GraphQL object type <see cref="Name"/> (HotChocolate's
/// <c>[ObjectType]</c>). A method binds to the field named like it: <c>PlansAsync</c>, <c>GetPlans</c> and
/// <c>Plans</c> all bind <c>plans</c>; <see cref="GraphQLNameAttribute"/> names another. With <see cref="BackedBy"/>,
/// the fields without a method read that CLR type's properties (checked at start-up). A class without methods only
/// declares backing types, and may then carry the attribute several times.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public class ObjectTypeAttribute(string name, Type? backedBy = null) : Attribute
{
    public string Name { get; } = name;

    /// <summary>The CLR type of the parent values, whose properties resolve the fields no method resolves.</summary>
    public Type? BackedBy { get; } = backedBy;
}
