using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Hotspot.Storage;

/// <summary>
/// Rows sent to PostgreSQL as one array per column: <c>unnest(@a::type[], @b::type[]) AS r(a, b)</c> gives back one row
/// per batch row, so a statement's text, and PostgreSQL's work to parse and plan it, is the same for one row as for
/// sixty. Types and conversions come from the EF Core model, as for any other write.
/// </summary>
internal static class ColumnArrays
{
    /// <summary>The <c>unnest(…) AS r(…)</c> source, each array cast to its column's store type.</summary>
    public static string Unnest(IEnumerable<(string Name, IProperty Column)> inputs) =>
        $"unnest({string.Join(", ", inputs.Select(i => $"@{i.Name}::{i.Column.GetRelationalTypeMapping().StoreType}[]"))}) " +
        $"AS r({string.Join(", ", inputs.Select(i => i.Name))})";

    /// <summary>Names <paramref name="columns"/> <c>prefix0</c>, <c>prefix1</c>, … in order.</summary>
    public static IEnumerable<(string Name, IProperty Column)> Numbered(string prefix, IEnumerable<IProperty> columns) =>
        columns.Select((column, i) => (prefix + i, column));

    /// <summary>An array of the column's provider type (nullable elements), each value converted by the column's mapping.</summary>
    public static void Add(DbCommand command, string name, IProperty column, IEnumerable<object?> values)
    {
        var mapping = column.GetRelationalTypeMapping();
        var providerType = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        var elementType = providerType.IsValueType && Nullable.GetUnderlyingType(providerType) is null
            ? typeof(Nullable<>).MakeGenericType(providerType)
            : providerType;
        var list = values.ToList();
        var array = Array.CreateInstance(elementType, list.Count);
        for (var i = 0; i < list.Count; i++)
            array.SetValue(list[i] is { } value && mapping.Converter is { } converter ? converter.ConvertToProvider(value) : list[i], i);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = array;
        command.Parameters.Add(parameter);
    }
}
