using System.Text;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.Tests.GraphQL.Language;

/// <summary>
/// Every case of the shared lexer_test.yml (gqlparser's port of graphql-js's lexer tests). Messages are compared in
/// graphql-js's wording (<see cref="GraphQLJsWording"/>); where gqlparser follows an older spec or has a quirk,
/// the test name says so and the graphql-js 16 behaviour is asserted instead.
/// </summary>
public sealed class LexerConformanceTests
{
    private const string ControlCharactersInStrings =
        "deviation: the October 2021 spec and graphql-js 16 allow any Unicode scalar value in strings, gqlparser follows June 2018";

    private static readonly Dictionary<string, string> Deviations = new()
    {
        ["lexer_test / simple tokens / records line and column with comments"] =
            "deviation: gqlparser gives column 0 to a comment at the start of a line, graphql-js gives 1",
        ["lexer_test / lex reports useful string errors / control characters"] = ControlCharactersInStrings,
        ["lexer_test / lex reports useful string errors / null byte"] = ControlCharactersInStrings,
        ["lexer_test / lex reports useful string errors / control character codepoint reported in hex"] = ControlCharactersInStrings,
        ["lexer_test / lex reports useful block string errors / unescaped control characters"] = ControlCharactersInStrings,
        ["lexer_test / lex reports useful block string errors / null byte"] = ControlCharactersInStrings,
    };

    public static IEnumerable<TestCaseData> Cases() => SharedFolder.CasesFrom(ConformanceFiles.LanguageFolder, () =>
        LanguageCase.Load("lexer_test.yml").Select(c =>
            new TestCaseData(c).SetName(Deviations.TryGetValue(c.Key, out var reason) ? $"{c.Key} [{reason}]" : c.Key)));

    [TestCaseSource(nameof(Cases))]
    public void Lexes_like_graphql_js(LanguageCase testCase)
    {
        var (tokens, error) = Tokenize(testCase.Input);

        if (Deviations.TryGetValue(testCase.Key, out var reason) && reason == ControlCharactersInStrings)
        {
            Assert.That(error, Is.Null);
            Assert.That(tokens, Has.Count.EqualTo(1));
            Assert.That(tokens[0].Kind, Is.AnyOf(TokenKind.String, TokenKind.BlockString));
            var quote = tokens[0].Kind == TokenKind.BlockString ? 3 : 1;
            Assert.That(tokens[0].Value, Is.EqualTo(testCase.Input[quote..^quote]));
            return;
        }

        var expectedTokens = testCase.Tokens ?? [];
        Assert.That(tokens, Has.Count.EqualTo(expectedTokens.Count), "token count");
        for (var i = 0; i < expectedTokens.Count; i++)
        {
            var expected = expectedTokens[i];
            var actual = tokens[i];
            Assert.That(actual.Kind, Is.EqualTo(MapKind(expected.Kind)), $"token {i} kind");
            if (expected.Start is not null)
            {
                Assert.That(actual.Start, Is.EqualTo(expected.Start), $"token {i} start");
            }

            if (expected.End is not null)
            {
                Assert.That(actual.End, Is.EqualTo(expected.End), $"token {i} end");
            }

            if (expected.Line is not null)
            {
                Assert.That(actual.Line, Is.EqualTo(expected.Line), $"token {i} line");
            }

            if (expected.Column is not null)
            {
                var expectedColumn = expected.Column == 0 && Deviations.ContainsKey(testCase.Key) ? 1 : expected.Column;
                Assert.That(actual.Column, Is.EqualTo(expectedColumn), $"token {i} column");
            }

            if (expected.Value is not null && expected.Value != "undefined")
            {
                var value = actual.Kind == TokenKind.Comment ? "#" + actual.Value : actual.Value;
                Assert.That(value, Is.EqualTo(expected.Value), $"token {i} value");
            }
        }

        if (testCase.Error is null)
        {
            Assert.That(error, Is.Null, error?.Message);
            return;
        }

        Assert.That(error, Is.Not.Null, "expected a syntax error");
        var location = testCase.Error.Locations.Single();
        var (message, line, column) =
            GraphQLJsWording.Translate(testCase.Error.Message, location.Line, location.Column, testCase.Input);
        Assert.That(error!.Message, Is.EqualTo(message));
        Assert.That(error.Location, Is.EqualTo(new SourceLocation(line, column)));
    }

    private static TokenKind MapKind(string kind) => kind.ToUpperInvariant() switch
    {
        "NAME" => TokenKind.Name,
        "INT" => TokenKind.Int,
        "FLOAT" => TokenKind.Float,
        "STRING" => TokenKind.String,
        "BLOCK_STRING" => TokenKind.BlockString,
        "COMMENT" => TokenKind.Comment,
        "BANG" => TokenKind.Bang,
        "DOLLAR" => TokenKind.Dollar,
        "AMP" => TokenKind.Amp,
        "PAREN_L" => TokenKind.ParenL,
        "PAREN_R" => TokenKind.ParenR,
        "SPREAD" => TokenKind.Spread,
        "COLON" => TokenKind.Colon,
        "EQUALS" => TokenKind.Equals,
        "AT" => TokenKind.At,
        "BRACKET_L" => TokenKind.BracketL,
        "BRACKET_R" => TokenKind.BracketR,
        "BRACE_L" => TokenKind.BraceL,
        "BRACE_R" => TokenKind.BraceR,
        "PIPE" => TokenKind.Pipe,
        _ => throw new ArgumentException($"Unknown token kind {kind}"),
    };

    internal sealed record LexedToken(TokenKind Kind, int Start, int End, int Line, int Column, string? Value);

    internal static (List<LexedToken> Tokens, GraphQLSyntaxException? Error) Tokenize(string input)
    {
        var tokens = new List<LexedToken>();
        var lexer = new Lexer(Encoding.UTF8.GetBytes(input));
        try
        {
            while (true)
            {
                lexer.ReadToken(includeComments: true);
                if (lexer.Kind == TokenKind.EndOfFile)
                {
                    return (tokens, null);
                }

                tokens.Add(new LexedToken(lexer.Kind, lexer.Start, lexer.End, lexer.Line, lexer.Column, lexer.Value));
            }
        }
        catch (GraphQLSyntaxException exception)
        {
            return (tokens, exception);
        }
    }
}
