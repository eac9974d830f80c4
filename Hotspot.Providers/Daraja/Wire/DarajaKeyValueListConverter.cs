using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotspot.Providers.Daraja.Wire;

/// <summary>Reads a list of key/value pairs written either as an array or as a single object.</summary>
public sealed class DarajaKeyValueListConverter : JsonConverter<List<DarajaKeyValue>>
{
    public override List<DarajaKeyValue>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var list = new List<DarajaKeyValue>();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
                list.Add(ReadPair(ref reader));
                return list;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new JsonException("Expected an object in the key/value array.");
                    }

                    list.Add(ReadPair(ref reader));
                }

                return list;
            default:
                throw new JsonException("Expected an object or an array of key/value pairs.");
        }
    }

    public override void Write(Utf8JsonWriter writer, List<DarajaKeyValue> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var pair in value)
        {
            writer.WriteStartObject();
            writer.WriteString("Key", pair.Key);
            if (pair.Value is { } element)
            {
                writer.WritePropertyName("Value");
                element.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static DarajaKeyValue ReadPair(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        string? key = null;
        JsonElement? value = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("Key"))
            {
                key = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }
            else if (property.NameEquals("Value"))
            {
                value = property.Value.Clone();
            }
        }

        return new DarajaKeyValue(key, value);
    }
}
