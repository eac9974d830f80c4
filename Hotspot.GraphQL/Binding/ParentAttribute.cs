namespace Hotspot.GraphQL.Binding;

/// <summary>The parameter receives the parent object (the value the field is read from), cast to its type.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ParentAttribute : Attribute;
