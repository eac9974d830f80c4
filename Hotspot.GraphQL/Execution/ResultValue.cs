using System.Text.Json;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// One completed value of the response tree. A struct with the number inline, so leaves (ints, floats, booleans)
/// are never boxed; maps and lists are <see cref="ResultMap"/> and <see cref="ResultList"/>.
/// </summary>
public readonly struct ResultValue
{
    private readonly object? _ref;
    private readonly long _bits;

    public ResultKind Kind { get; }

    private ResultValue(ResultKind kind, object? reference, long bits)
    {
        Kind = kind;
        _ref = reference;
        _bits = bits;
    }

    public static readonly ResultValue Null = default;
    internal static readonly ResultValue Invalid = new(ResultKind.Invalid, null, 0);
    public static readonly ResultValue True = new(ResultKind.Boolean, null, 1);
    public static readonly ResultValue False = new(ResultKind.Boolean, null, 0);

    public static ResultValue FromBoolean(bool value) => value ? True : False;
    public static ResultValue FromInt(long value) => new(ResultKind.Int, null, value);
    public static ResultValue FromFloat(double value) => new(ResultKind.Float, null, BitConverter.DoubleToInt64Bits(value));
    public static ResultValue FromString(string value) => new(ResultKind.String, value, 0);
    public static ResultValue FromMap(ResultMap value) => new(ResultKind.Map, value, 0);
    public static ResultValue FromList(ResultList value) => new(ResultKind.List, value, 0);
    public static ResultValue FromJson(JsonElement value) => new(ResultKind.Json, value, 0);

    public bool IsNull => Kind == ResultKind.Null;
    public bool IsInvalid => Kind == ResultKind.Invalid;
    public bool AsBoolean => _bits != 0;
    public long AsInt => _bits;
    public double AsFloat => BitConverter.Int64BitsToDouble(_bits);
    public string AsString => (string)_ref!;
    public ResultMap AsMap => (ResultMap)_ref!;
    public ResultList AsList => (ResultList)_ref!;
    public JsonElement AsJson => (JsonElement)_ref!;

    /// <summary>Writes the value as JSON.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case ResultKind.Boolean: writer.WriteBooleanValue(_bits != 0); break;
            case ResultKind.Int: writer.WriteNumberValue(_bits); break;
            case ResultKind.Float: writer.WriteNumberValue(AsFloat); break;
            case ResultKind.String: writer.WriteStringValue((string)_ref!); break;
            case ResultKind.Map: ((ResultMap)_ref!).WriteTo(writer); break;
            case ResultKind.List: ((ResultList)_ref!).WriteTo(writer); break;
            case ResultKind.Json: ((JsonElement)_ref!).WriteTo(writer); break;
            default: writer.WriteNullValue(); break;
        }
    }

    /// <summary>The value as plain CLR objects (tests and diagnostics; not used on the response path).</summary>
    public object? ToPlainObject() => Kind switch
    {
        ResultKind.Boolean => _bits != 0,
        ResultKind.Int => _bits,
        ResultKind.Float => AsFloat,
        ResultKind.String => (string)_ref!,
        ResultKind.Map => ((ResultMap)_ref!).ToDictionary(),
        ResultKind.List => ((ResultList)_ref!).ToPlainList(),
        ResultKind.Json => (JsonElement)_ref!,
        _ => null,
    };
}
