using Hotspot.GraphQL.Binding;

namespace Hotspot.GraphQL.Execution;

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
