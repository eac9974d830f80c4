using Hotspot.GraphQL.Binding;

namespace Hotspot.GraphQL.Execution;

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
