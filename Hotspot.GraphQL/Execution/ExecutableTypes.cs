using Hotspot.GraphQL.Binding;

namespace Hotspot.GraphQL.Execution;

/// <summary>The kinds of named types, as introspection's <c>__TypeKind</c> names them.</summary>
public enum ExecutableTypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
}

/// <summary>
/// A named type as the executor sees it: the schema's definition compiled once into arrays and dictionaries,
/// with resolvers attached (<see cref="ExecutableSchema"/>). Built by <c>ExecutableSchemaBuilder</c>.
/// </summary>
public abstract class ExecutableNamedType
{
    protected ExecutableNamedType(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }
    public string? Description { get; }
    public abstract ExecutableTypeKind Kind { get; }

    /// <summary>True for the <c>__Schema</c>, <c>__Type</c>... types.</summary>
    public bool IsIntrospectionType => Name.StartsWith("__", StringComparison.Ordinal);

    public bool IsInputType => Kind is ExecutableTypeKind.Scalar or ExecutableTypeKind.Enum or ExecutableTypeKind.InputObject;
    public bool IsLeafType => Kind is ExecutableTypeKind.Scalar or ExecutableTypeKind.Enum;
    public bool IsAbstractType => Kind is ExecutableTypeKind.Interface or ExecutableTypeKind.Union;

    public override string ToString() => Name;
}

/// <summary>An object type: the only kind of type whose fields are executed.</summary>
public sealed class ExecutableObjectType : ExecutableNamedType
{
    internal ExecutableObjectType(string name, string? description) : base(name, description) { }

    public override ExecutableTypeKind Kind => ExecutableTypeKind.Object;
    public ExecutableField[] Fields { get; internal set; } = [];
    public ExecutableInterfaceType[] Interfaces { get; internal set; } = [];
    internal Dictionary<string, ExecutableField> FieldMap { get; set; } = new(StringComparer.Ordinal);

    public ExecutableField? GetField(string name) => FieldMap.GetValueOrDefault(name);
}

/// <summary>An interface type; <see cref="PossibleTypes"/> are the object types that implement it.</summary>
public sealed class ExecutableInterfaceType : ExecutableNamedType
{
    internal ExecutableInterfaceType(string name, string? description) : base(name, description) { }

    public override ExecutableTypeKind Kind => ExecutableTypeKind.Interface;
    public ExecutableField[] Fields { get; internal set; } = [];
    public ExecutableInterfaceType[] Interfaces { get; internal set; } = [];
    public ExecutableObjectType[] PossibleTypes { get; internal set; } = [];
    internal Dictionary<string, ExecutableField> FieldMap { get; set; } = new(StringComparer.Ordinal);
    internal TypeResolver? TypeResolver { get; set; }

    public ExecutableField? GetField(string name) => FieldMap.GetValueOrDefault(name);
}

/// <summary>A union type.</summary>
public sealed class ExecutableUnionType : ExecutableNamedType
{
    internal ExecutableUnionType(string name, string? description) : base(name, description) { }

    public override ExecutableTypeKind Kind => ExecutableTypeKind.Union;
    public ExecutableObjectType[] PossibleTypes { get; internal set; } = [];
    internal TypeResolver? TypeResolver { get; set; }
}

/// <summary>A scalar; built-in scalars follow spec section 3.5, custom ones use their <see cref="ScalarCoercion"/>.</summary>
public sealed class ExecutableScalarType : ExecutableNamedType
{
    internal ExecutableScalarType(string name, string? description, string? specifiedByUrl, BuiltInScalar builtIn)
        : base(name, description)
    {
        SpecifiedByUrl = specifiedByUrl;
        BuiltIn = builtIn;
    }

    public override ExecutableTypeKind Kind => ExecutableTypeKind.Scalar;
    public string? SpecifiedByUrl { get; }
    internal BuiltInScalar BuiltIn { get; }
    /// <summary>Custom scalar hooks (graphql-js pass-through when none were given).</summary>
    internal Types.ScalarCoercion Coercion { get; set; } = Types.ScalarCoercion.PassThrough;
}

internal enum BuiltInScalar
{
    None,
    Int,
    Float,
    String,
    Boolean,
    ID,
}

/// <summary>An enum; values are read by name and written by name.</summary>
public sealed class ExecutableEnumType : ExecutableNamedType
{
    internal ExecutableEnumType(string name, string? description) : base(name, description) { }

    public override ExecutableTypeKind Kind => ExecutableTypeKind.Enum;
    public ExecutableEnumValue[] Values { get; internal set; } = [];
    internal Dictionary<string, ExecutableEnumValue> ValueMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Values by name with underscores removed, case-insensitive: matches CLR enum members.</summary>
    internal Dictionary<string, ExecutableEnumValue> LooseValueMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public ExecutableEnumValue? GetValue(string name) => ValueMap.GetValueOrDefault(name);
}

public sealed class ExecutableEnumValue
{
    internal ExecutableEnumValue(string name, string? description, string? deprecationReason, bool isDeprecated)
    {
        Name = name;
        Description = description;
        DeprecationReason = deprecationReason;
        IsDeprecated = isDeprecated;
    }

    public string Name { get; }
    public string? Description { get; }
    public bool IsDeprecated { get; }
    public string? DeprecationReason { get; }
}

/// <summary>An input object type; <see cref="IsOneOf"/> when it carries <c>@oneOf</c>.</summary>
public sealed class ExecutableInputObjectType : ExecutableNamedType
{
    internal ExecutableInputObjectType(string name, string? description, bool isOneOf) : base(name, description)
    {
        IsOneOf = isOneOf;
    }

    public override ExecutableTypeKind Kind => ExecutableTypeKind.InputObject;
    public bool IsOneOf { get; }
    public ExecutableInputValue[] Fields { get; internal set; } = [];
    internal Dictionary<string, ExecutableInputValue> FieldMap { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>A type reference: a named type, or a list or non-null wrapper.</summary>
public sealed class ExecutableTypeRef
{
    private ExecutableTypeRef(ExecutableNamedType? named, ExecutableTypeRef? ofType, bool isList, bool isNonNull)
    {
        Named = named;
        OfType = ofType;
        IsList = isList;
        IsNonNull = isNonNull;
        NamedType = named ?? ofType!.NamedType;
        Text = isList ? "[" + ofType + "]" : isNonNull ? ofType + "!" : named!.Name;
    }

    /// <summary>Set for a named reference only.</summary>
    public ExecutableNamedType? Named { get; }
    /// <summary>The wrapped type of a list or non-null wrapper.</summary>
    public ExecutableTypeRef? OfType { get; }
    public bool IsList { get; }
    public bool IsNonNull { get; }
    /// <summary>The named type under all wrappers.</summary>
    public ExecutableNamedType NamedType { get; }
    /// <summary>GraphQL notation: <c>[Int!]!</c>.</summary>
    public string Text { get; }

    public static ExecutableTypeRef Of(ExecutableNamedType type) => new(type, null, false, false);
    public static ExecutableTypeRef ListOf(ExecutableTypeRef type) => new(null, type, true, false);
    public static ExecutableTypeRef NonNullOf(ExecutableTypeRef type) => new(null, type, false, true);

    public override string ToString() => Text;
}

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

    /// <summary>Reads the field from the parent value when no resolver is bound; caches accessors per CLR type.</summary>
    internal PropertyReader DefaultReader { get; set; } = null!;

    /// <summary>"Type.field", as error messages name it.</summary>
    public string Coordinate => DeclaringType.Name + "." + Name;
}

/// <summary>An argument, an input object field, or a directive argument.</summary>
public sealed class ExecutableInputValue
{
    internal ExecutableInputValue(string name, string? description, ExecutableTypeRef type, bool hasDefault,
        object? defaultValue, string? defaultValueLiteral, bool isDeprecated, string? deprecationReason)
    {
        Name = name;
        Description = description;
        Type = type;
        HasDefault = hasDefault;
        DefaultValue = defaultValue;
        DefaultValueLiteral = defaultValueLiteral;
        IsDeprecated = isDeprecated;
        DeprecationReason = deprecationReason;
    }

    public string Name { get; }
    public string? Description { get; }
    public ExecutableTypeRef Type { get; }
    public bool HasDefault { get; }
    /// <summary>The default, already coerced to the input type.</summary>
    public object? DefaultValue { get; internal set; }
    /// <summary>The default printed as a GraphQL literal (introspection's <c>defaultValue</c>).</summary>
    public string? DefaultValueLiteral { get; internal set; }
    public bool IsDeprecated { get; }
    public string? DeprecationReason { get; }
}

/// <summary>A directive definition (built-in or custom).</summary>
public sealed class ExecutableDirective
{
    internal ExecutableDirective(string name, string? description, string[] locations, ExecutableInputValue[] arguments,
        bool isRepeatable)
    {
        Name = name;
        Description = description;
        Locations = locations;
        Arguments = arguments;
        IsRepeatable = isRepeatable;
    }

    public string Name { get; }
    public string? Description { get; }
    /// <summary>Locations as introspection names them (<c>FIELD</c>, <c>FRAGMENT_SPREAD</c>...).</summary>
    public string[] Locations { get; }
    public ExecutableInputValue[] Arguments { get; }
    public bool IsRepeatable { get; }
}
