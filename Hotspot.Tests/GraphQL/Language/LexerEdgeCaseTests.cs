using System.Text.Json;
using Hotspot.GraphQL.Language;

namespace Hotspot.Tests.GraphQL.Language;

/// <summary>
/// Lexer edge cases beyond the shared conformance file (braced and surrogate-pair escapes, multi-byte
/// characters and their UTF-16 positions, BOMs, number forms, block-string indentation), each recorded from
/// graphql-js 16.15's lexer: tokens as [kind, start, end, line, column, value], or the error and its position.
/// </summary>
public sealed class LexerEdgeCaseTests
{
    private const string RecordedFromGraphQLJs = """"
[["\"\\u{1F600}\"","OK",[["String",0,11,1,1,"😀"]]],["\"\\uD83D\\uDE00\"","OK",[["String",0,14,1,1,"😀"]]],["\"\\uD83D\"","ERR","Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".",1,2],["\"\\uDE00\"","ERR","Syntax Error: Invalid Unicode escape sequence: \"\\uDE00\".",1,2],["\"\\uD83D\\u0041\"","ERR","Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\".",1,2],["\"\\u{}\"","ERR","Syntax Error: Invalid Unicode escape sequence: \"\\u{}\".",1,2],["\"\\u{110000}\"","ERR","Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".",1,2],["\"\\u{D800}\"","ERR","Syntax Error: Invalid Unicode escape sequence: \"\\u{D800}\".",1,2],["\"\\u{FFFFFFFFF}\"","ERR","Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFFFFFF\".",1,2],["\"\\u{1F600\"","ERR","Syntax Error: Invalid Unicode escape sequence: \"\\u{1F600\"\".",1,2],["\"é\" x","OK",[["String",0,3,1,1,"é"],["Name",4,5,1,5,"x"]]],["\"😀\" x","OK",[["String",0,4,1,1,"😀"],["Name",5,6,1,6,"x"]]],["# 😀 comment\nx","OK",[["Name",13,14,2,1,"x"]]],["\"\"\"\n  a\n    b\n  \"\"\"","OK",[["BlockString",0,19,1,1,"a\n  b"]]],["\"\"\"  \n\n   \n\"\"\"","OK",[["BlockString",0,14,1,1,""]]],["\"\"\"a\\\"\"\"b\"\"\"","OK",[["BlockString",0,12,1,1,"a\"\"\"b"]]],["0x1F","ERR","Syntax Error: Invalid number, expected digit but got: \"x\".",1,2],["00","ERR","Syntax Error: Invalid number, unexpected digit after 0: \"0\".",1,2],["-0","OK",[["Int",0,2,1,1,"-0"]]],["1.2.3","ERR","Syntax Error: Invalid number, expected digit but got: \".\".",1,4],["123abc","ERR","Syntax Error: Invalid number, expected digit but got: \"a\".",1,4],["1e","ERR","Syntax Error: Invalid number, expected digit but got: <EOF>.",1,3],[".5","ERR","Syntax Error: Unexpected character: \".\".",1,1],["...","OK",[["...",0,3,1,1,null]]],["..","ERR","Syntax Error: Unexpected character: \".\".",1,1],["﻿x","OK",[["Name",1,2,1,2,"x"]]],["x﻿y","OK",[["Name",0,1,1,1,"x"],["Name",2,3,1,3,"y"]]],["\"a b\"","OK",[["String",0,5,1,1,"a b"]]],["\"tab\there\"","OK",[["String",0,10,1,1,"tab\there"]]],["\"\\\\\"","OK",[["String",0,4,1,1,"\\"]]],["'x'","ERR","Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?",1,1],["\"\\u00\"","ERR","Syntax Error: Invalid Unicode escape sequence: \"\\u00\"\".",1,2],["\"\\\"","ERR","Syntax Error: Unterminated string.",1,4],["\"\u0000\"","OK",[["String",0,3,1,1,"\u0000"]]]]
"""";

    private static readonly JsonSerializerOptions ReadableJson =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEnumerable<TestCaseData> Cases()
    {
        using var document = JsonDocument.Parse(RecordedFromGraphQLJs);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var input = item[0].GetString()!;
            yield return new TestCaseData(input, item.Clone()).SetName("lexes " + JsonSerializer.Serialize(input, ReadableJson));
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Lexes_like_graphql_js(string input, JsonElement expected)
    {
        var (tokens, error) = LexerConformanceTests.Tokenize(input);
        if (expected[1].GetString() == "ERR")
        {
            Assert.That(error, Is.Not.Null);
            Assert.That(error!.Message, Is.EqualTo(expected[2].GetString()));
            Assert.That(error.Location.Line, Is.EqualTo(expected[3].GetInt32()));
            Assert.That(error.Location.Column, Is.EqualTo(expected[4].GetInt32()));
            return;
        }

        Assert.That(error, Is.Null, error?.Message);
        var actual = tokens.Where(t => t.Kind != TokenKind.Comment).Select(t =>
            $"{Describe(t.Kind)} {t.Start}-{t.End} {t.Line}:{t.Column} {JsonSerializer.Serialize(t.Value)}");
        var wanted = expected[2].EnumerateArray().Select(t =>
            $"{t[0].GetString()} {t[1].GetInt32()}-{t[2].GetInt32()} {t[3].GetInt32()}:{t[4].GetInt32()} {JsonSerializer.Serialize(t[5].ValueKind == JsonValueKind.Null ? null : t[5].GetString())}");
        Assert.That(actual, Is.EqualTo(wanted));
    }

    private static string Describe(TokenKind kind) => kind.Describe().Trim('"');
}
