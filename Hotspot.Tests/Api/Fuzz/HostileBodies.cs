using System.Text;
using System.Text.Json;

namespace Hotspot.Tests.Api.Fuzz;

/// <summary>A malformed request body and the mutation that made it (for the failure message).</summary>
public sealed record HostileBody(string Mutation, byte[] Bytes);

/// <summary>
/// Malformed variants of valid JSON bodies, drawn from a seeded <see cref="Random"/> so a run can be repeated: lone
/// surrogates in keys and values, invalid UTF-8, huge numbers, deep nesting, wrong types, truncation, empty and
/// non-object bodies, huge strings, duplicate keys and nulls. Mutations work on the token positions of the valid
/// body, so a mutated body is mostly still a body of the right shape with one thing wrong, which reaches deeper
/// into the code than random bytes would.
/// </summary>
public sealed class HostileBodies(Random random)
{
    private static readonly string[] LoneSurrogates = [@"\ud800", @"\udfff", @"\udc00x", @"\ud83d\u0041", @"\ud83d"];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ];

    private static readonly string[] HugeNumbers =
    [
        "99999999999", "4294967296", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
        "99999999999999999999999999999999999999", "1e309", "-1e400", "1E+2147483648", "0.0000000000000000000000000001", "-0", "1.5",
    ];

    private static readonly string[] WrongValues = ["{}", "[]", "true", "false", "null", "\"\"", "\"x\"", "0", "-1", "[{}]", "{\"a\":[]}", "[null]"];

    private static readonly string[] WholeBodies =
    [
        "", " ", "null", "[]", "{}", "\"text\"", "0", "true", "{", "}", "[", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "{\"a\":1}{\"b\":2}",
        "\uFEFF{}", "{\"a\":1}\u0000", "\u0000", "{\"a\":\"\\u0000\"}", "{\"a\":NaN}", "{\"a\":Infinity}", "/* */{}", "{\"\":\"\"}",
    ];

    /// <summary>A malformed variant of <paramref name="valid"/>, a JSON object with at least one string member.</summary>
    public HostileBody Next(byte[] valid)
    {
        var tokens = JsonTokenMap.Of(valid);
        return random.Next(13) switch
        {
            0 => InsertInto(valid, Pick(tokens.Keys), Encoding.UTF8.GetBytes(Pick(LoneSurrogates)), "lone surrogate in a key"),
            1 => InsertInto(valid, Pick(tokens.Strings), Encoding.UTF8.GetBytes(Pick(LoneSurrogates)), "lone surrogate in a string value"),
            2 => InsertInto(valid, Pick(random.Next(2) == 0 ? tokens.Strings : tokens.Keys), Pick(InvalidUtf8), "invalid UTF-8 in a string"),
            3 => new("invalid UTF-8 between tokens", Splice(valid, random.Next(valid.Length + 1), 0, Pick(InvalidUtf8))),
            4 => Replace(valid, Pick(tokens.Numbers.Count > 0 && random.Next(2) == 0 ? tokens.Numbers : tokens.Values),
                Encoding.UTF8.GetBytes(Pick(HugeNumbers)), "huge or odd number"),
            5 => DeepNesting(valid, tokens),
            6 => Replace(valid, Pick(tokens.Values), Encoding.UTF8.GetBytes(Pick(WrongValues)), "value of the wrong type"),
            7 => Truncated(valid),
            8 => new("whole body replaced", Encoding.UTF8.GetBytes(Pick(WholeBodies))),
            9 => HugeString(valid, tokens),
            10 => DuplicateKey(valid, tokens),
            11 => Replace(valid, Pick(tokens.Values), "null"u8.ToArray(), "null value"),
            _ => InsertInto(valid, Pick(tokens.Strings), [(byte)Pick(new[] { 0x00, 0x01, 0x0A, 0x1F, 0x7F })], "raw control character in a string"),
        };
    }

    private HostileBody DeepNesting(byte[] valid, JsonTokenMap tokens)
    {
        var depth = Pick(new[] { 17, 65, 100, 1000, 5000 });
        var nested = random.Next(2) == 0
            ? new string('[', depth) + "1" + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        return Replace(valid, Pick(tokens.Values), Encoding.UTF8.GetBytes(nested), $"value nested {depth} deep");
    }

    private HostileBody Truncated(byte[] valid)
    {
        var length = random.Next(valid.Length);
        return new($"truncated to {length} bytes", valid[..length]);
    }

    private HostileBody HugeString(byte[] valid, JsonTokenMap tokens)
    {
        var length = Pick(new[] { 1_000, 20_000, 60_000, 70_000 });
        var piece = Pick(new[] { "a", "é", "\\u00e9", "😀", "\\\"" });
        var text = new StringBuilder("\"");
        while (text.Length < length)
            text.Append(piece);
        text.Append('"');
        return Replace(valid, Pick(tokens.Strings), Encoding.UTF8.GetBytes(text.ToString()), $"string of about {length} characters");
    }

    private HostileBody DuplicateKey(byte[] valid, JsonTokenMap tokens)
    {
        // "key": value  →  "key": value, "key": other
        var member = Pick(tokens.Members);
        byte[] duplicate = [(byte)',', .. valid.AsSpan(member.Start, member.ValueStart - member.Start), .. Encoding.UTF8.GetBytes(Pick(WrongValues))];
        return new("duplicate key", Splice(valid, member.End, 0, duplicate));
    }

    private HostileBody InsertInto(byte[] valid, Span quoted, byte[] insert, string mutation)
    {
        // Somewhere between the quotes, never splitting a multi-byte character or an escape (a split one is covered too,
        // by the invalid UTF-8 and truncation mutations).
        var position = quoted.Start + 1 + random.Next(Math.Max(1, quoted.End - quoted.Start - 1));
        while (position < quoted.End - 1 && ((valid[position] & 0xC0) == 0x80 || valid[position - 1] == '\\'))
            position++;
        return new(mutation, Splice(valid, Math.Min(position, quoted.End - 1), 0, insert));
    }

    private static HostileBody Replace(byte[] valid, Span span, byte[] replacement, string mutation) =>
        new(mutation, Splice(valid, span.Start, span.End - span.Start, replacement));

    private static byte[] Splice(byte[] bytes, int start, int removed, byte[] inserted) =>
        [.. bytes.AsSpan(0, start), .. inserted, .. bytes.AsSpan(start + removed)];

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Where something is in the valid body: [Start, End) in bytes.</summary>
    private readonly record struct Span(int Start, int End);

    /// <summary>An object member: the key starts at Start, its value at ValueStart, and it ends at End.</summary>
    private readonly record struct Member(int Start, int ValueStart, int End);

    /// <summary>Where the keys, values, strings, numbers and members of a valid JSON body are.</summary>
    private sealed record JsonTokenMap(List<Span> Keys, List<Span> Values, List<Span> Strings, List<Span> Numbers, List<Member> Members)
    {
        public static JsonTokenMap Of(byte[] valid)
        {
            var map = new JsonTokenMap([], [], [], [], []);
            var reader = new Utf8JsonReader(valid, new JsonReaderOptions { MaxDepth = 256 });
            var open = new Stack<(int Start, int? KeyStart)>();
            int? keyStart = null;
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                var end = (int)reader.BytesConsumed;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        map.Keys.Add(new Span(start, end));
                        keyStart = start;
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        open.Push((start, keyStart));
                        keyStart = null;
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        var (containerStart, containerKey) = open.Pop();
                        map.Add(new Span(containerStart, end), containerKey);
                        break;
                    case JsonTokenType.String:
                        map.Strings.Add(new Span(start, end));
                        map.Add(new Span(start, end), keyStart);
                        break;
                    case JsonTokenType.Number:
                        map.Numbers.Add(new Span(start, end));
                        map.Add(new Span(start, end), keyStart);
                        break;
                    default:
                        map.Add(new Span(start, end), keyStart);
                        break;
                }
                keyStart = null;
            }
            return map;
        }

        private void Add(Span value, int? keyStart)
        {
            Values.Add(value);
            if (keyStart is { } key)
                Members.Add(new Member(key, value.Start, value.End));
        }
    }
}
