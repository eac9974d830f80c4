using Hotspot.GraphQL.Binding;

namespace Hotspot.GraphQL.Execution;

/// <summary>A field of an object or interface type, with the resolver bound to it.</summary>
public sealed class ExecutableField
{
    internal ExecutableField(string name, string? description, ExecutableTypeRef type, ExecutableInputValue[] arguments,
        bool isDeprecated, string? deprecationReason)
    {
        Name = name;
        Description = description;
        Type = type;
        Arguments = arguments;
        IsDeprecated = isDeprecated;
        DeprecationReason = deprecationReason;
    }

    public string Name { get; }
    public string? Description { get; }
    public ExecutableTypeRef Type { get; }
    public ExecutableInputValue[] Arguments { get; }
    public bool IsDeprecated { get; }
    public string? DeprecationReason { get; }

    /// <summary>The type that declares the field (the object type, for executed fields).</summary>
    public ExecutableNamedType DeclaringType { get; internal set; } = null!;

    /// <summary>The bound resolver; null means the default resolver (property, dictionary or JSON lookup).</summary>
    internal FieldResolver? Resolver { get; set; }

    /// <summary>The source-stream resolver of a <c>Subscription</c> field (spec ResolveFieldEventStream); null elsewhere.</summary>
    internal SubscriptionResolver? Subscriber { get; set; }

    /// <summary>Reads the field from the parent value when no resolver is bound; caches accessors per CLR type.</summary>
    internal PropertyReader DefaultReader { get; set; } = null!;

    /// <summary>"Type.field", as error messages name it.</summary>
    public string Coordinate => DeclaringType.Name + "." + Name;
}
