using System.Text.Json;

namespace GraphQLHost;

/// <summary>
/// Turns the data file into plain CLR values once at start-up, as graphql-js's <c>JSON.parse</c> gives it plain
/// objects: objects become string-keyed dictionaries, arrays lists, numbers <see cref="long"/> when integral
/// (else <see cref="double"/>), so default resolvers read a dictionary entry instead of scanning JSON per field.
/// </summary>
public static class JsonRootValue
{
    public static object? From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => FromObject(element),
        JsonValueKind.Array => FromArray(element),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? integer : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static Dictionary<string, object?> FromObject(JsonElement element)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = From(property.Value); // a repeated key keeps the last value, as JSON.parse does
        }

        return map;
    }

    private static List<object?> FromArray(JsonElement element)
    {
        var list = new List<object?>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            list.Add(From(item));
        }

        return list;
    }
}
