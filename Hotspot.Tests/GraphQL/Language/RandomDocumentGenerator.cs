using System.Text;

namespace Hotspot.Tests.GraphQL.Language;

/// <summary>Builds random, mostly valid GraphQL documents (executable and SDL) from a seeded generator.</summary>
internal sealed class RandomDocumentGenerator(int seed)
{
    private static readonly string[] Names = ["a", "node", "id", "on", "query", "type", "true", "null", "Ünïcode", "_x1", "fragment"];
    private static readonly string[] Scalars = ["1", "-0", "3.14", "1e10", "-2.5E-3", "\"s\"", "\"\\u00e9\\n\"", "\"\"\"block\n  text\"\"\"", "true", "null", "ENUM", "\"\\u{1F600}\""];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public string Document()
    {
        var builder = new StringBuilder();
        var count = _random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            switch (_random.Next(6))
            {
                case 0:
                    builder.Append(SelectionSet(3));
                    break;
                case 1:
                    builder.Append("query Q").Append(i).Append("($v: [Int!]! = [1], $w: In = {a: 1}) @d(x: $v) ").Append(SelectionSet(3));
                    break;
                case 2:
                    builder.Append("fragment F").Append(i).Append(" on T @d ").Append(SelectionSet(2));
                    break;
                case 3:
                    builder.Append("\"\"\"desc\"\"\" type T").Append(i).Append(" implements A & B @k { f(a: Int = 1 @d): [T!]! g: S }");
                    break;
                case 4:
                    builder.Append("enum E").Append(i).Append(" { A B @deprecated(reason: \"r\") } input I").Append(i)
                        .Append(" @oneOf { a: Int b: [String] = [\"x\"] } union U = | A | B");
                    break;
                default:
                    builder.Append("directive @d").Append(i).Append("(a: Int) repeatable on FIELD | QUERY extend type T { x: Int } schema { query: Q }");
                    break;
            }

            builder.Append(_random.Next(3) == 0 ? "\n# comment ✓\n" : "\n");
        }

        return builder.ToString();
    }

    public string Mutate(string document)
    {
        var bytes = Encoding.UTF8.GetBytes(document).ToList();
        var edits = _random.Next(1, 4);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = _random.Next(bytes.Count);
            switch (_random.Next(5))
            {
                case 0:
                    bytes.RemoveRange(at, bytes.Count - at); // truncate
                    break;
                case 1:
                    bytes[at] = (byte)_random.Next(256); // any byte, invalid UTF-8 included
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(_random.Next(1, 8), bytes.Count - at));
                    break;
                case 3:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Pick(["{", "}", "(", ")", "[", "]", "\"", "\"\"\"", "...", "$", "@", "\\u", "!", ":", "=", "|", "&", "0x", "1.", "#", "\r\n", "\uFEFF"])));
                    break;
                default:
                    var length = Math.Min(_random.Next(1, 20), bytes.Count - at);
                    var chunk = bytes.GetRange(at, length);
                    bytes.InsertRange(_random.Next(bytes.Count), chunk); // duplicate a chunk elsewhere
                    break;
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private string SelectionSet(int depth)
    {
        var builder = new StringBuilder("{ ");
        var count = _random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            switch (_random.Next(depth > 0 ? 4 : 2))
            {
                case 0:
                    builder.Append(Pick(Names));
                    break;
                case 1:
                    builder.Append("alias").Append(i).Append(": ").Append(Pick(Names)).Append("(x: ").Append(Value(2)).Append(')');
                    break;
                case 2:
                    builder.Append(Pick(Names)).Append(" @include(if: $v) ").Append(SelectionSet(depth - 1));
                    break;
                default:
                    builder.Append("... on T ").Append(SelectionSet(depth - 1)).Append(" ...F");
                    break;
            }

            builder.Append(' ');
        }

        return builder.Append('}').ToString();
    }

    private string Value(int depth) => _random.Next(depth > 0 ? 5 : 3) switch
    {
        0 or 1 => Pick(Scalars),
        2 => "$v",
        3 => "[" + Value(depth - 1) + ", " + Value(depth - 1) + "]",
        _ => "{a: " + Value(depth - 1) + ", b: " + Value(depth - 1) + "}",
    };

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
