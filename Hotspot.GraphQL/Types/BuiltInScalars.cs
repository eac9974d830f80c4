namespace Hotspot.GraphQL.Types;

/// <summary>
/// The spec's five scalars (shared by every schema, as in graphql-js) and the coercions of the two custom
/// scalars this library ships, <c>DateTime</c> and <c>Long</c>, which a schema gets by declaring
/// <c>scalar DateTime</c> / <c>scalar Long</c> in its SDL.
/// </summary>
public static class BuiltInScalars
{
    public static readonly ScalarType Int = new(
        "Int",
        new IntCoercion(),
        "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.");

    public static readonly ScalarType Float = new(
        "Float",
        new FloatCoercion(),
        "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).");

    public static readonly ScalarType String = new(
        "String",
        new StringCoercion(),
        "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.");

    public static readonly ScalarType Boolean = new(
        "Boolean",
        new BooleanCoercion(),
        "The `Boolean` scalar type represents `true` or `false`.");

    public static readonly ScalarType ID = new(
        "ID",
        new IdCoercion(),
        "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.");

    /// <summary>Coercion bound to a declared <c>scalar DateTime</c> unless the build options supply another.</summary>
    public static readonly ScalarCoercion DateTime = new DateTimeCoercion();

    /// <summary>Coercion bound to a declared <c>scalar Long</c> unless the build options supply another.</summary>
    public static readonly ScalarCoercion Long = new LongCoercion();

    public static IReadOnlyList<ScalarType> Specified { get; } = [String, Int, Float, Boolean, ID];

    /// <summary>The specified scalar of that name, or null.</summary>
    public static ScalarType? Get(string name) => name switch
    {
        "Int" => Int,
        "Float" => Float,
        "String" => String,
        "Boolean" => Boolean,
        "ID" => ID,
        _ => null,
    };

    /// <summary>The shipped coercion for a custom scalar name (DateTime, Long), or null.</summary>
    public static ScalarCoercion? ShippedCoercion(string name) => name switch
    {
        "DateTime" => DateTime,
        "Long" => Long,
        _ => null,
    };
}
