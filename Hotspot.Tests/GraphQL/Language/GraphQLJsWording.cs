using System.Globalization;
using System.Text.RegularExpressions;

namespace Hotspot.Tests.GraphQL.Language;

/// <summary>
/// gqlparser words syntax errors differently from graphql-js, which is the reference we match. This maps a
/// gqlparser message (and, where gqlparser points one column late, its column) to graphql-js's, rule by rule;
/// each rule was checked against graphql-js 16.15 on the conformance inputs.
/// </summary>
internal static partial class GraphQLJsWording
{
    private static readonly HashSet<string> Punctuators = ["!", "$", "&", "(", ")", "...", ":", "=", "@", "[", "]", "{", "|", "}"];

    public static (string Message, int Line, int Column) Translate(string message, int line, int column, string input)
    {
        var text = Translate(message, ref column, input, line);
        return ("Syntax Error: " + text, line, column);
    }

    private static string Translate(string message, ref int column, string input, int line)
    {
        if (message.StartsWith("Cannot contain the invalid character", StringComparison.Ordinal) ||
            message.StartsWith("Cannot parse the unexpected character", StringComparison.Ordinal))
        {
            return "Unexpected character: " + DescribeCodePoint(CodePointAt(input, line, column)) + ".";
        }

        var escape = EscapeSequence().Match(message);
        if (escape.Success)
        {
            // gqlparser points after the backslash; graphql-js points at it and quotes the sequence.
            column--;
            var sequence = escape.Groups[1].Value;
            return sequence.StartsWith('u')
                ? $"Invalid Unicode escape sequence: \"\\{sequence}\"."
                : $"Invalid character escape sequence: \"\\{sequence}\".";
        }

        var atLeastOne = AtLeastOneDefinition().Match(message);
        if (atLeastOne.Success)
        {
            // graphql-js requires one item by trying to parse it, so it expects a Name.
            return $"Expected Name, found {Quote(atLeastOne.Groups[1].Value)}.";
        }

        if ((message.EndsWith('.') && !message.EndsWith("...", StringComparison.Ordinal)) || message.EndsWith('?'))
        {
            return message;
        }

        var expected = Expected().Match(message);
        if (expected.Success)
        {
            return $"Expected {Quote(expected.Groups[1].Value)}, found {Quote(expected.Groups[2].Value)}.";
        }

        var unexpected = Unexpected().Match(message);
        if (unexpected.Success)
        {
            var what = unexpected.Groups[1].Value;
            if (what.StartsWith("String ", StringComparison.Ordinal))
            {
                // gqlparser positions string tokens after the opening quote.
                column--;
            }

            return $"Unexpected {Quote(what)}.";
        }

        return message;
    }

    private static string Quote(string tokenDescription) =>
        Punctuators.Contains(tokenDescription) ? $"\"{tokenDescription}\"" : tokenDescription;

    private static int CodePointAt(string input, int line, int column)
    {
        var index = 0;
        for (var current = 1; current < line; current++)
        {
            index = input.IndexOf('\n', index) + 1;
        }

        return char.ConvertToUtf32(input, index + column - 1);
    }

    private static string DescribeCodePoint(int code) =>
        code is >= 0x20 and <= 0x7E
            ? $"\"{(char)code}\""
            : "U+" + code.ToString("X4", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Invalid character escape sequence: \\(.*)\.$")]
    private static partial Regex EscapeSequence();

    [GeneratedRegex(@"^expected at least one definition, found (.*)$")]
    private static partial Regex AtLeastOneDefinition();

    [GeneratedRegex(@"^Expected (.*), found (.*)$")]
    private static partial Regex Expected();

    [GeneratedRegex(@"^Unexpected (.*)$")]
    private static partial Regex Unexpected();
}
